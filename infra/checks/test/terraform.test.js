// (c) variables declared and described, module calls consistent; (d) no open ingress, private bucket, no leaked secrets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { posix } from "node:path";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TF_DIR, blocks, loadTerraform, locals } from "./lib.js";

const tf = await loadTerraform();
const dirs = [...tf.keys()];
const OPEN = ["0.0.0.0/0", "::/0"];

/** Every string in a parsed document (expressions are kept as "${...}" strings, comments are gone). */
function strings(node, out = []) {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === "object") Object.values(node).forEach((n) => strings(n, out));
  return out;
}

const declared = (dir) => new Map(blocks(tf.get(dir), "variable").map((v) => [v.name, v.body]));

test("terraform modules found", () => {
  for (const d of [".", "modules/functions", "modules/workflow", "modules/storage", "modules/database", "modules/inference"]) {
    assert.ok(dirs.includes(d), d);
  }
});

for (const dir of dirs) {
  test(`${dir}: every var.x used is declared`, () => {
    const vars = declared(dir);
    for (const { doc, file } of tf.get(dir)) {
      for (const s of strings(doc)) {
        for (const m of s.matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_]*)/g)) assert.ok(vars.has(m[1]), `${file}: var.${m[1]} not declared`);
      }
    }
  });

  test(`${dir}: every variable has a description and a type`, () => {
    for (const [name, body] of declared(dir)) {
      assert.ok(typeof body.description === "string" && body.description.trim().length > 0, `${dir}: ${name} description`);
      assert.ok(body.type, `${dir}: ${name} type`);
    }
  });

  test(`${dir}: module calls pass only declared variables and every required one`, () => {
    for (const { name, body } of blocks(tf.get(dir), "module")) {
      const childDir = posix.normalize(posix.join(dir, body.source));
      const child = declared(childDir);
      assert.ok(child.size > 0, `module ${name}: ${childDir} not found`);
      const args = Object.keys(body).filter((k) => !["source", "version", "providers", "depends_on", "count", "for_each"].includes(k));
      for (const a of args) assert.ok(child.has(a), `module ${name}: ${a} is not a variable of ${childDir}`);
      for (const [v, decl] of child) if (!("default" in decl)) assert.ok(args.includes(v), `module ${name}: required ${v} missing`);
    }
  });

  test(`${dir}: no ingress from 0.0.0.0/0 or ::/0`, () => {
    const files = tf.get(dir);
    for (const { name, body } of blocks(files, "resource", "aws_security_group")) {
      for (const ing of body.ingress ?? []) {
        const cidrs = [...(ing.cidr_blocks ?? []), ...(ing.ipv6_cidr_blocks ?? [])];
        assert.ok(!cidrs.some((c) => OPEN.includes(c)), `aws_security_group.${name} open ingress`);
      }
    }
    for (const { name, body } of blocks(files, "resource", "aws_vpc_security_group_ingress_rule")) {
      assert.ok(!OPEN.includes(body.cidr_ipv4) && !OPEN.includes(body.cidr_ipv6), `ingress_rule.${name} open`);
      assert.ok(body.referenced_security_group_id, `ingress_rule.${name} must reference a security group`);
    }
    for (const { name, body } of blocks(files, "resource", "aws_security_group_rule")) {
      if (body.type !== "ingress") continue;
      const cidrs = [...(body.cidr_blocks ?? []), ...(body.ipv6_cidr_blocks ?? [])];
      assert.ok(!cidrs.some((c) => OPEN.includes(c)), `aws_security_group_rule.${name} open ingress`);
    }
  });

  test(`${dir}: outputs that carry a password or secret are sensitive`, () => {
    for (const { name, body } of blocks(tf.get(dir), "output")) {
      const text = `${name} ${JSON.stringify(body.value)}`;
      if (/password|secret/i.test(text)) assert.equal(body.sensitive, true, `output ${name} must be sensitive`);
    }
  });

  test(`${dir}: no literal credentials`, () => {
    for (const { text, file } of tf.get(dir)) {
      assert.doesNotMatch(text, /\b(password|master_password)\s*=\s*"/i, `${file}: literal password`);
      assert.doesNotMatch(text, /AKIA[0-9A-Z]{16}/, `${file}: access key id`);
    }
  });
}

test("S3: every bucket (batch, artifacts) private, owner enforced, versioned, encrypted, TLS only", () => {
  const files = tf.get("modules/storage");
  assert.deepEqual(Object.keys(locals(files).buckets).sort(), ["artifacts", "batch"]);
  const only = (type) => {
    const found = blocks(files, "resource", type);
    assert.equal(found.length, 1, type);
    assert.equal(found[0].body.for_each, "${local.buckets}", `${type}: one per bucket`);
    return found[0].body;
  };
  only("aws_s3_bucket");
  const pab = only("aws_s3_bucket_public_access_block");
  for (const flag of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
    assert.equal(pab[flag], true, flag);
  }
  assert.equal(only("aws_s3_bucket_ownership_controls").rule[0].object_ownership, "BucketOwnerEnforced");
  assert.equal(only("aws_s3_bucket_versioning").versioning_configuration[0].status, "Enabled");
  const sse = JSON.stringify(only("aws_s3_bucket_server_side_encryption_configuration"));
  assert.match(sse, /AES256/);
  assert.match(sse, /aws:kms/);
  assert.equal(only("aws_s3_bucket_policy").policy, "${data.aws_iam_policy_document.tls_only[each.key].json}");
  const policy = blocks(files, "data", "aws_iam_policy_document").find((d) => d.name === "tls_only").body;
  assert.equal(policy.for_each, "${local.buckets}");
  assert.match(JSON.stringify(policy), /aws:SecureTransport/);
  assert.match(JSON.stringify(policy), /"effect":"Deny"/);
  for (const { body } of blocks(files, "resource", "aws_s3_bucket")) assert.equal(body.acl, undefined, "no bucket ACL");
  // Lambda is given each zip's version id, so the bucket name reaches the functions only once versioning is on.
  const out = blocks(files, "output").find((o) => o.name === "artifacts_bucket_name");
  assert.equal(out.body.value, '${aws_s3_bucket_versioning.this["artifacts"].bucket}');
});

test("database: Serverless v2, managed master password, private, proxy with IAM auth and TLS", () => {
  const files = tf.get("modules/database");
  const cluster = blocks(files, "resource", "aws_rds_cluster")[0].body;
  assert.equal(cluster.engine, "aurora-postgresql");
  assert.equal(cluster.manage_master_user_password, true);
  assert.equal(cluster.storage_encrypted, true);
  assert.equal(cluster.master_password, undefined);
  assert.ok(cluster.serverlessv2_scaling_configuration);
  assert.equal(blocks(files, "resource", "aws_rds_cluster_instance")[0].body.instance_class, "db.serverless");
  for (const { body } of blocks(files, "resource", "aws_rds_cluster_instance")) assert.notEqual(body.publicly_accessible, true);
  const proxy = blocks(files, "resource", "aws_db_proxy")[0].body;
  assert.equal(proxy.require_tls, true);
  assert.equal(proxy.auth[0].iam_auth, "REQUIRED");
  const ingress = blocks(files, "resource", "aws_vpc_security_group_ingress_rule");
  assert.ok(ingress.every((r) => r.body.from_port === 5432 && r.body.to_port === 5432));
});

test("inference: load balancer is internal; workflow logs and traces", () => {
  const lb = blocks(tf.get("modules/inference"), "resource", "aws_lb")[0].body;
  assert.equal(lb.internal, true);
  for (const { body } of blocks(tf.get("modules/inference"), "resource", "aws_instance")) {
    assert.notEqual(body.associate_public_ip_address, true);
    assert.equal(body.metadata_options[0].http_tokens, "required");
  }
  for (const { body, name } of blocks(tf.get("modules/workflow"), "resource", "aws_sfn_state_machine")) {
    assert.equal(body.type, "STANDARD", name);
    assert.ok(body.logging_configuration?.[0]?.log_destination, `${name} logging`);
    assert.equal(body.tracing_configuration?.[0]?.enabled, true, `${name} tracing`);
  }
});

test("workflow IAM: lambda:InvokeFunction only on the functions' live alias ARNs", () => {
  const docs = blocks(tf.get("modules/workflow"), "data", "aws_iam_policy_document");
  for (const { body, name } of docs) {
    for (const st of body.statement ?? []) {
      if (!(st.actions ?? []).includes("lambda:InvokeFunction")) continue;
      assert.deepEqual(st.actions, ["lambda:InvokeFunction"], name);
      assert.match(st.resources, /^\$\{\[for key in local\.(evaluate|batch|build)_functions : var\.function_arns\[key\]\]\}$/, `${name}: exactly the alias ARNs`);
    }
  }
});

/** Every statement of a policy document, dynamic "statement" blocks included (their content), with its for_each. */
function statements(doc) {
  const out = (doc.statement ?? []).map((st) => ({ st, when: null }));
  for (const dyn of doc.dynamic?.statement ?? []) for (const st of dyn.content ?? []) out.push({ st, when: dyn.for_each });
  return out;
}

const fnDir = tf.get("modules/functions");
const fnPolicy = blocks(fnDir, "data", "aws_iam_policy_document").find((d) => d.name === "group").body;
const fnLocals = Object.assign({}, ...blocks(fnDir, "locals").map((b) => b.body));

test("functions IAM: wildcard resources only for the actions that have no resource-level permissions", () => {
  const wildcardOk = /^(xray:Put(TraceSegments|TelemetryRecords)|ec2:(Create|Describe|Delete)NetworkInterfaces?|ec2:DescribeSubnets|ec2:(Assign|Unassign)PrivateIpAddresses)$/;
  for (const { st } of statements(fnPolicy)) {
    if (!JSON.stringify(st.resources).includes('"*"')) continue;
    for (const action of st.actions) assert.match(action, wildcardOk, `${st.sid}: ${action} on "*"`);
  }
});

test("functions IAM: VPC functions may manage their network interfaces as AWSLambdaVPCAccessExecutionRole allows", () => {
  const vpc = statements(fnPolicy).find(({ st }) => st.sid === "VpcNetworkInterfaces");
  assert.equal(vpc.when, "${local.in_vpc[each.key] ? [1] : []}");
  assert.deepEqual([...vpc.st.actions].sort(), [
    "ec2:AssignPrivateIpAddresses", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
    "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:UnassignPrivateIpAddresses",
  ]);
});

test("inference: a missing AMI, a type without a GPU and too small a GPU quota fail the plan, not the apply", () => {
  const files = tf.get("modules/inference");
  assert.equal(blocks(files, "check").length, 0, "a check block only warns");
  const data = (type) => blocks(files, "data", type)[0].body;
  const conditions = (body, kind) => body.lifecycle[0][kind].map((c) => c.condition);

  const ami = data("aws_ami");
  assert.deepEqual(ami.filter, [{ name: "image-id", values: ["${var.ami_id}"] }], "no such image: the lookup fails");
  assert.deepEqual(conditions(ami, "precondition"), ["${var.ami_id != null}"]);
  assert.deepEqual(conditions(ami, "postcondition"), ['${self.architecture == "x86_64"}']);
  assert.deepEqual(conditions(data("aws_ec2_instance_type"), "postcondition"), ["${length(self.gpus) > 0}"]);

  const quota = data("aws_servicequotas_service_quota");
  assert.equal(quota.count, "${local.self_hosted && local.gpu_vcpu_quota_code != null ? 1 : 0}");
  assert.deepEqual(conditions(quota, "postcondition"), ["${self.value >= data.aws_ec2_instance_type.vllm[0].default_vcpus}"]);
  const codes = locals(files).gpu_vcpu_quota_codes;
  assert.deepEqual(codes, { g: "L-DB2E81BA", vt: "L-DB2E81BA", p: "L-417A185B" });

  const instance = blocks(files, "resource", "aws_instance")[0].body;
  assert.equal(instance.ami, "${data.aws_ami.vllm[0].id}", "the instance uses the image the plan checked");
  assert.equal(instance.instance_type, "${data.aws_ec2_instance_type.vllm[0].instance_type}");
});

test("functions IAM: GetSecretValue only on the API key secret, kms:Decrypt only through Secrets Manager, rds-db:connect only as the proxy user", () => {
  const all = statements(fnPolicy);
  const secretReads = all.filter(({ st }) => st.actions.some((a) => a.startsWith("secretsmanager:")));
  assert.equal(secretReads.length, 1, "one Secrets Manager statement");
  assert.deepEqual(secretReads[0].st.actions, ["secretsmanager:GetSecretValue"]);
  assert.deepEqual(secretReads[0].st.resources, ["${var.llm_api_key_secret_arn}"]);
  // buildPopulation (group population) induces personas with the model too.
  assert.match(secretReads[0].when, /contains\(\["inference", "population"\], each\.key\) && var\.llm_api_key_secret_arn != null/);

  for (const { st, when } of all.filter(({ st }) => st.actions.some((a) => a.startsWith("kms:")))) {
    assert.deepEqual(st.actions, ["kms:Decrypt"]);
    assert.deepEqual(st.resources, ["${var.llm_api_key_kms_key_arn}"]);
    assert.equal(st.condition?.[0]?.variable, "kms:ViaService");
    assert.match(st.condition[0].values[0], /^secretsmanager\./);
    assert.match(when, /contains\(\["inference", "population"\], each\.key\)/);
  }

  const connects = all.filter(({ st }) => st.actions.includes("rds-db:connect"));
  assert.equal(connects.length, 1);
  assert.deepEqual(connects[0].st.resources, ["${var.db_connect_arn}"]);
  // The inference group loads histories and personas and stores chains (EvaluationArchive); compute has no reach.
  assert.match(connects[0].when, /contains\(\["inference", "database", "population"\], each\.key\)/);
});

test("functions: secrets reach the environment as ARNs only; the database login is an IAM token over TLS", () => {
  assert.deepEqual(fnLocals.group_env, {
    inference: "${merge(local.inference_env, local.database_env)}",
    compute: {},
    database: "${local.database_env}",
    population: "${merge(local.inference_env, local.database_env)}",
  });
  const env = { inference: fnLocals.inference_env, database: fnLocals.database_env, compute: {} };
  const names = [
    ...Object.keys(fnLocals.common_env),
    ...Object.keys(env.database),
    ...[...env.inference.matchAll(/\b([A-Z][A-Z0-9_]+)\s*=/g)].map((m) => m[1]),
  ];
  for (const name of names) assert.doesNotMatch(name, /(PASSWORD|API_KEY|TOKEN)$/, `${name} would carry a secret`);
  assert.match(env.inference, /PGENRM_LLM_API_KEY_SECRET_ARN\s*=\s*var\.llm_api_key_secret_arn/);
  assert.equal(env.database.PGENRM_DB_IAM_AUTH, "true");
  assert.equal(env.database.PGENRM_DB_SSL_MODE, "require");
  assert.equal(env.database.PGENRM_DB_HOSTNAME_VERIFICATION, "HTTPS");
  assert.equal(fnLocals.common_env.PGENRM_BACKEND, "${var.judge_backend}", "every group builds the same judge");
  for (const { text, file } of fnDir) assert.doesNotMatch(text, /PGENRM_(LLM_API_KEY|DB_PASSWORD)\s*=/, `${file}: secret value in env`);
});

test("functions: the Parameters and Secrets extension only from a variable, only in native mode with a key secret", () => {
  const fn = blocks(fnDir, "resource", "aws_lambda_function")[0].body;
  assert.equal(fn.layers, '${contains(["inference", "population"], each.value.group) && local.secrets_extension ? [var.secrets_extension_layer_arn] : []}');
  assert.match(fnLocals.secrets_extension, /^\$\{!local\.jvm && var\.secrets_extension_layer_arn != null && var\.llm_api_key_secret_arn != null\}$/);
  assert.match(fnLocals.inference_env, /local\.secrets_extension \? \{ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = "2773" \}/);
});

test("root: each VPC function group has its own security group; database functions may reach only the proxy", () => {
  const root = tf.get(".");
  const egress = blocks(root, "resource", "aws_vpc_security_group_egress_rule");
  const fromDb = egress.filter((r) => r.body.security_group_id.includes("aws_security_group.database_functions"));
  assert.equal(fromDb.length, 1);
  assert.equal(fromDb[0].body.from_port, 5432);
  assert.equal(fromDb[0].body.referenced_security_group_id, "${module.database.proxy_security_group_id}");
  const https = egress.filter((r) => OPEN.includes(r.body.cidr_ipv4));
  for (const { name, body } of https) {
    assert.equal(body.from_port, 443, name);
    if (name === "model_https") {
      // The functions that call the model are in the VPC for the proxy; an external endpoint is reached through NAT.
      assert.equal(body.count, "${local.self_hosted ? 0 : 1}", name);
      assert.equal(body.security_group_id, "${aws_security_group.model_https[0].id}");
    } else {
      assert.match(body.count, /var\.inference_api_key_secret_arn != null/, `${name}: open egress only for the key secret`);
    }
  }
  const db = blocks(root, "module").find((m) => m.name === "database").body;
  assert.equal(db.client_security_group_id, "${aws_security_group.database_functions.id}");
});

test("every log group has a retention", () => {
  let seen = 0;
  for (const dir of dirs) {
    for (const { name, body } of blocks(tf.get(dir), "resource", "aws_cloudwatch_log_group")) {
      assert.ok(body.retention_in_days, `${dir}: ${name}`);
      seen++;
    }
  }
  assert.ok(seen >= 3);
});

test("example variables: every root variable without a default is set, and no value looks like a secret", () => {
  const example = readFileSync(join(TF_DIR, "terraform.tfvars.example"), "utf8");
  const set = new Set([...example.matchAll(/^([a-z_]+)\s*=/gm)].map((m) => m[1]));
  const rootVars = declared(".");
  for (const name of set) assert.ok(rootVars.has(name), `${name} is not a root variable`);
  for (const [name, body] of rootVars) if (!("default" in body)) assert.ok(set.has(name), `${name} required but not in the example`);
  for (const line of example.split("\n").filter((l) => /^\s*#?\s*[a-z_]+\s*=/.test(l))) {
    const [name, value] = line.replace(/^\s*#\s*/, "").split(/\s*=\s*/, 2);
    assert.doesNotMatch(name, /password|token$|api_key$/, `${name}: secrets are passed by ARN`);
    if (name.endsWith("_secret_arn")) assert.match(value, /^"arn:aws:secretsmanager:/, `${name} must be a secret ARN`);
  }
});
