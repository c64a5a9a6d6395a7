// Consumer: Node with `import` (the package's "node" + "import" entry).
import { createRequire } from "node:module";
import * as payrules from "payrules";

createRequire(import.meta.url)("./report.cjs")(payrules);
