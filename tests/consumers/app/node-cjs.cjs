// Consumer: Node with `require` (the package's "node" + "require" entry).
require("./report.cjs")(require("payrules"));
