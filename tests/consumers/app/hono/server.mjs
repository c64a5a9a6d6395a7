// The Hono consumer of the Standard Schema: a Node server (@hono/node-server) with one POST route per registered DTO, at its API's route, validated by sValidator("json", schema, hook); the hook answers 400 with serverError's exact body, the handler 200 with the validated value. Prints its address as the first line of stdout.
import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { sValidator } from "@hono/standard-validator";
import * as payrules from "payrules";

const { dtoNames, describeApi, serverError } = payrules;

/** The ValidationResult serverError reads, rebuilt from the schema's issues (an issue without a path is about the request as a whole). */
const asResult = (issues) => ({ valid: false, errors: issues.map((issue) => ({ field: issue.path?.[0] ?? "", code: issue.code, message: issue.message })) });

const app = new Hono();
for (const dto of dtoNames()) {
  const hook = (result, c) => (result.success ? undefined : c.json(serverError(dto, asResult(result.error)), 400));
  app.post(describeApi(dto).route, sValidator("json", payrules[dto], hook), (c) => c.json(c.req.valid("json")));
}

serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, ({ address, port }) => {
  console.log(JSON.stringify({ url: `http://${address}:${port}` }));
});
