// (b) Every Lambda the ASL templates invoke is an aws_lambda_function with the Funqy handler and the right export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ASL_FILES, REPO, allStates, blocks, loadAsl, loadTerraform, locals, readTemplate, templateVars } from "./lib.js";

const HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
const tf = await loadTerraform();
const fnFiles = tf.get("modules/functions");
const wfLocals = locals(tf.get("modules/workflow"));

/** Parses `templatefile("${var.statemachine_dir}/<file>", { k = v ... })` into { file, vars }. */
function templatefileCalls() {
  const calls = [];
  for (const value of Object.values(wfLocals)) {
    if (typeof value !== "string") continue;
    const m = value.match(/templatefile\("\$\{var\.statemachine_dir\}\/([^"]+)",\s*\{([\s\S]*?)\}\)/);
    if (!m) continue;
    const vars = {};
    for (const line of m[2].split("\n")) {
      const kv = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/);
      if (kv) vars[kv[1]] = kv[2];
    }
    calls.push({ file: m[1], vars });
  }
  return calls;
}

const calls = templatefileCalls();
const camel = (snake) => snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

test("each ASL template is rendered by exactly one templatefile call that supplies exactly its variables", () => {
  for (const file of ASL_FILES) {
    const matching = calls.filter((c) => c.file === file);
    assert.equal(matching.length, 1, file);
    assert.deepEqual(Object.keys(matching[0].vars).sort(), [...templateVars(readTemplate(file))].sort(), file);
  }
});

const fnLocals = locals(fnFiles);
const lambda = (name) => blocks(fnFiles, "resource", "aws_lambda_function").find((b) => b.name === name)?.body;

test("the Lambda resources: the ASL's functions and the schema migration, nothing else", () => {
  assert.deepEqual(blocks(fnFiles, "resource", "aws_lambda_function").map((b) => b.name).sort(), ["function", "migrate_schema"]);
  assert.equal(fnLocals.handler, HANDLER);
  assert.match(fnLocals.runtime, /"java21"/);
  assert.match(fnLocals.runtime, /"provided\.al2023"/);
});

test("the ASL's functions: for_each over local.functions, Funqy handler, QUARKUS_FUNQY_EXPORT, SnapStart or native", () => {
  const f = lambda("function");
  assert.equal(f.for_each, "${local.functions}");
  assert.equal(f.handler, "${local.handler}");
  assert.equal(f.runtime, "${local.runtime}");
  assert.equal(f.publish, true);
  // Either a plain map entry or the last argument of merge(), so nothing can override it.
  const env = f.environment[0].variables;
  if (typeof env === "object") assert.equal(env.QUARKUS_FUNQY_EXPORT, "${each.value.export}");
  else assert.match(env, /\{\s*QUARKUS_FUNQY_EXPORT\s*=\s*each\.value\.export\s*\}\s*\)\}$/);
  assert.match(JSON.stringify(f.dynamic.snap_start), /PublishedVersions/);
  assert.equal(f.s3_key, "${aws_s3_object.package[each.value.module].key}", "the module's zip, uploaded (packages.test.js)");
  assert.equal(blocks(fnFiles, "resource", "aws_lambda_alias")[0].body.for_each, "${local.functions}");
});

test("migrations: a function of their own, invoked by Terraform before any function version is published", () => {
  const m = lambda("migrate_schema");
  assert.equal(m.handler, "${local.handler}");
  assert.equal(m.runtime, "${local.runtime}");
  assert.equal(m.publish, undefined, "invoked on $LATEST: no version, so no SnapStart snapshot of a migration");
  assert.equal(m.snap_start, undefined);
  assert.equal(m.role, '${aws_iam_role.group["database"].arn}');
  assert.equal(m.vpc_config[0].security_group_ids, '${var.security_group_ids["database"]}');
  assert.equal(m.environment[0].variables, '${merge(local.database_env, { QUARKUS_FUNQY_EXPORT = "migrateSchema" })}');
  const source = readFileSync(join(REPO, "functions", fnLocals.migrate_module, "src", "main", "java", "io", "pgenrm",
    "functions", "SchemaFunctions.java"), "utf8");
  assert.match(source, /@Funq\s+public\s+SchemaMigration\s+migrateSchema\(\)/);

  const invocation = blocks(fnFiles, "resource", "aws_lambda_invocation").find((b) => b.name === "migrate_schema").body;
  assert.equal(invocation.function_name, "${aws_lambda_function.migrate_schema.function_name}");
  assert.equal(invocation.qualifier, undefined, "$LATEST, the code just uploaded");
  assert.deepEqual(invocation.triggers, { code: "${aws_lambda_function.migrate_schema.source_code_hash}" });
  assert.ok(lambda("function").depends_on.includes("${aws_lambda_invocation.migrate_schema}"), "published after the migration");
  assert.equal(fnLocals.database_env.PGENRM_MIGRATE_AT_START, undefined, "no function migrates when it starts");

  // The migration is the first to connect: the proxy endpoint it gets waits for the proxy's target and an instance.
  const endpoint = blocks(tf.get("modules/database"), "output").find((o) => o.name === "proxy_endpoint").body;
  assert.deepEqual(endpoint.depends_on.sort(), ["${aws_db_proxy_target.this}", "${aws_rds_cluster_instance.this}"]);
});

test("every Lambda named in the ASL maps to a function entry with the matching export and an existing Maven module", () => {
  const functions = fnLocals.functions;
  const aliasOutput = blocks(fnFiles, "output").find((o) => o.name === "alias_arns");
  assert.match(aliasOutput.body.value, /aws_lambda_alias\.live/);
  let checked = 0;
  for (const file of ASL_FILES) {
    const machine = loadAsl(file);
    const { vars } = calls.find((c) => c.file === file);
    const lambdaVars = new Set(
      allStates(machine)
        .filter(([, s]) => s.Resource === "arn:aws:states:::lambda:invoke")
        .map(([, s]) => s.Parameters.FunctionName)
        .map((arn) => arn.match(/function:dummy-([a-z-]+):live$/)[1].replaceAll("-", "_") + "_arn"),
    );
    assert.ok(lambdaVars.size > 0);
    for (const v of lambdaVars) {
      const ref = vars[v]?.match(/^var\.function_arns\["([a-z-]+)"\]$/);
      assert.ok(ref, `${file}: ${v} must come from var.function_arns[...], got ${vars[v]}`);
      const entry = functions[ref[1]];
      assert.ok(entry, `${file}: ${v} -> ${ref[1]} is not in local.functions`);
      assert.equal(entry.export, camel(v.replace(/_arn$/, "")), `${file}: ${v} export`);
      assert.ok(existsSync(join(REPO, "functions", entry.module, "pom.xml")), `Maven module functions/${entry.module}`);
      checked++;
    }
  }
  assert.equal(checked, 16, "8 Lambdas in evaluate + 3 in the batch + 5 in build-population");
});

test("root passes the functions' alias ARNs to the workflow", () => {
  const wf = blocks(tf.get("."), "module").find((m) => m.name === "workflow");
  assert.equal(wf.body.function_arns, "${module.functions.alias_arns}");
});
