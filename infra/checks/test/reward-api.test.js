// The reward API's Lambda (terraform/modules/reward-api): reachable only through a function URL with IAM auth and
// only by the listed principals, a role with only what it does, its zip uploaded through S3 and within Lambda's limits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { measure, problems, zipPath } from "../packages.js";
import { REPO, blocks, loadTerraform } from "./lib.js";

const tf = await loadTerraform();
const files = tf.get("modules/reward-api");
const one = (type) => {
  const found = blocks(files, "resource", type);
  assert.equal(found.length, 1, type);
  return found[0].body;
};

test("the function URL takes SigV4-signed requests only, on the live alias", () => {
  const url = one("aws_lambda_function_url");
  assert.equal(url.authorization_type, "AWS_IAM");
  assert.equal(url.qualifier, "${aws_lambda_alias.live.name}");
  assert.equal(blocks(files, "resource", "aws_lambda_function_url").length, 1);
});

test("only the listed principals may invoke it, through the URL with IAM auth", () => {
  const permissions = blocks(files, "resource", "aws_lambda_permission");
  assert.deepEqual(permissions.map((p) => p.body.action).sort(), ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl"]);
  for (const { body } of permissions) {
    assert.equal(body.for_each, "${toset(var.invoker_principal_arns)}");
    assert.equal(body.principal, "${each.value}");
    assert.notEqual(body.principal, "*");
    assert.equal(body.qualifier, "${aws_lambda_alias.live.name}");
  }
  const viaUrl = permissions.find((p) => p.body.action === "lambda:InvokeFunctionUrl").body;
  assert.equal(viaUrl.function_url_auth_type, "AWS_IAM");
});

test("its role: own logs, traces, network interfaces, the proxy login and the API key secret, nothing more", () => {
  const policy = blocks(files, "data", "aws_iam_policy_document").find((d) => d.name === "reward_api").body;
  const all = [...(policy.statement ?? []), ...(policy.dynamic?.statement ?? []).flatMap((d) => d.content)];
  const wildcardOk = /^(xray:Put(TraceSegments|TelemetryRecords)|ec2:(Create|Describe|Delete)NetworkInterfaces?|ec2:DescribeSubnets|ec2:(Assign|Unassign)PrivateIpAddresses)$/;
  for (const st of all) {
    if (JSON.stringify(st.resources).includes('"*"')) for (const a of st.actions) assert.match(a, wildcardOk, `${st.sid}: ${a}`);
  }
  assert.deepEqual(all.find((s) => s.sid === "DatabaseIamAuth").resources, ["${var.db_connect_arn}"]);
  assert.deepEqual(all.find((s) => s.sid === "InferenceApiKey").resources, ["${var.llm_api_key_secret_arn}"]);
  assert.deepEqual(all.find((s) => s.sid === "InferenceApiKeyDecrypt").actions, ["kms:Decrypt"]);
  assert.deepEqual(all.find((s) => s.sid === "OwnLogs").resources, ["${aws_cloudwatch_log_group.function.arn}:*"]);
  assert.deepEqual(all.map((s) => s.sid).sort(), ["DatabaseIamAuth", "InferenceApiKey", "InferenceApiKeyDecrypt",
    "OwnLogs", "Tracing", "VpcNetworkInterfaces"]);
});

test("secrets reach it as ARNs only; the database login is an IAM token over TLS; it answers before its timeout", () => {
  const main = files.map((f) => f.text).join("\n");
  assert.doesNotMatch(main, /PGENRM_(LLM_API_KEY|DB_PASSWORD)\s*=/);
  assert.match(main, /PGENRM_LLM_API_KEY_SECRET_ARN\s*=\s*var\.llm_api_key_secret_arn/);
  assert.match(main, /PGENRM_DB_IAM_AUTH\s*=\s*"true"/);
  assert.match(main, /PGENRM_DB_SSL_MODE\s*=\s*"require"/);
  assert.match(main, /QUARKUS_FUNQY_EXPORT\s*=\s*"rewardApi"/);
  const root = blocks(tf.get("."), "module").find((m) => m.name === "reward_api").body;
  assert.equal(root.timeout_seconds, "${var.reward_api_deadline_seconds + 30}");
  assert.equal(root.reward_deadline_seconds, "${var.reward_api_deadline_seconds}");
});

test("its zip goes through the versioned artifacts bucket and fits Lambda", (t) => {
  const fn = one("aws_lambda_function");
  assert.equal(fn.s3_object_version, "${aws_s3_object.package.version_id}");
  assert.equal(fn.filename, undefined);
  const path = join(REPO, zipPath("reward-api"));
  if (!existsSync(path)) {
    t.skip(`${zipPath("reward-api")} is not built: ./mvnw -B -ntp package -DskipTests -pl functions/reward-api -am`);
    return;
  }
  const measured = measure(path);
  t.diagnostic(`reward-api: ${measured.zipped} bytes zipped, ${measured.unzipped} unzipped, uploaded s3`);
  assert.deepEqual(problems(measured, "s3"), []);
});
