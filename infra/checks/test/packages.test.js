// (f) The Lambda packages fit: each built function.zip against Lambda's limits for the way Terraform uploads it.
// `./mvnw verify` packages the function modules before the infra module (last in the reactor) runs these checks; a
// plain `npm test` measures whatever zips are built and says which are not. With PGENRM_REQUIRE_PACKAGES=true (the
// infra module's package-phase run) a missing zip fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LIMITS, measure, problems, uploads, zipPath } from "../packages.js";
import { REPO, loadTerraform, locals } from "./lib.js";

const fnFiles = (await loadTerraform()).get("modules/functions");
const modules = [...new Set(Object.values(locals(fnFiles).functions).map((f) => f.module))].sort();
const requirePackages = process.env.PGENRM_REQUIRE_PACKAGES === "true";
const BUILD = "./mvnw -B -ntp package -DskipTests -pl " + modules.map((m) => `functions/${m}`).join(",") + " -am";

test("Terraform uploads every function module's zip one way, through the versioned artifacts bucket", () => {
  const how = uploads(fnFiles);
  assert.deepEqual([...how.keys()].sort(), modules);
  for (const [module, ways] of how) assert.deepEqual([...ways], ["s3"], `${module}: uploaded ${[...ways].join(" and ")}`);
});

for (const module of modules) {
  test(`${zipPath(module)} fits Lambda for the way Terraform uploads it`, (t) => {
    const path = join(REPO, zipPath(module));
    if (!existsSync(path)) {
      const message = `${zipPath(module)} is not built, so its size is unchecked: ${BUILD}`;
      if (requirePackages) assert.fail(message);
      t.skip(message);
      return;
    }
    const measured = measure(path);
    const [upload] = uploads(fnFiles).get(module);
    t.diagnostic(`${module}: ${measured.zipped} bytes zipped, ${measured.unzipped} unzipped, uploaded ${upload}`);
    assert.deepEqual(problems(measured, upload), []);
  });
}

test("a zip reads as Lambda counts it, nested jars included, ZIP64 or not", () => {
  for (const fixture of ["package.zip", "package-zip64.zip"]) {
    const measured = measure(join(REPO, "infra", "checks", "test", "fixtures", fixture));
    // app.txt (5 bytes) and one jar (495 bytes) holding a linux x86_64 and a macOS tokenizer library.
    assert.equal(measured.unzipped, 500, fixture);
    assert.deepEqual(measured.foreignNatives, [
      "lib/ai.djl.huggingface.tokenizers-0.31.1.jar!/native/lib/osx-aarch64/cpu/libtokenizers.dylib",
    ], fixture);
  }
});

test("limits: over 50 MB zipped needs S3, over 250 MB unzipped a container image, other platforms' natives fail", () => {
  const fits = { zipped: 49 * 2 ** 20, unzipped: 249 * 2 ** 20, foreignNatives: [] };
  assert.deepEqual(problems(fits, "inline"), []);
  assert.deepEqual(problems({ ...fits, zipped: LIMITS.directUpload }, "inline"), []);

  const large = { ...fits, zipped: LIMITS.directUpload + 1 };
  assert.match(problems(large, "inline").join(), /over the 50\.0 MB a direct upload takes: upload it through S3/);
  assert.deepEqual(problems(large, "s3"), []);

  const huge = { ...fits, unzipped: LIMITS.unzipped + 1 };
  for (const upload of ["inline", "s3"]) assert.match(problems(huge, upload).join(), /over Lambda's 250\.0 MB: trim it or deploy a container image/);

  assert.match(problems({ ...fits, foreignNatives: ["lib/x.jar!/a.dll"] }, "s3").join(), /lib\/x\.jar!\/a\.dll/);
});

test("an upload the check cannot follow to its zip is an error, not a pass", () => {
  // The functions module with its Lambda resources replaced by one written here.
  const withFunction = (body) => [
    ...fnFiles.map(({ file, doc }) => {
      const { aws_lambda_function: _, ...resources } = doc.resource ?? {};
      return { file, doc: { ...doc, resource: resources } };
    }),
    { file: "test.tf", doc: { resource: { aws_lambda_function: { f: [body] } } } },
  ];
  const base = { for_each: "${local.functions}" };
  assert.deepEqual(
    [...uploads(withFunction({ ...base, filename: "${var.artifacts_dir}/${each.value.module}/target/function.zip" })).values()]
      .map((ways) => [...ways]),
    modules.map(() => ["inline"]),
  );
  assert.throws(() => uploads(withFunction({ ...base, filename: "${path.module}/other.zip" })), /not a module's function\.zip/);
  assert.throws(() => uploads(withFunction({ filename: "${var.artifacts_dir}/no-such-module/target/function.zip" })), /not a module of local\.functions/);
  assert.throws(() => uploads(withFunction({ ...base, s3_bucket: "b", s3_key: "k", s3_object_version: "v" })), /must read an aws_s3_object/);
  const ref = (attr, name = "package") => `\${aws_s3_object.${name}[each.value.module].${attr}}`;
  assert.throws(
    () => uploads(withFunction({ ...base, s3_bucket: ref("bucket"), s3_key: ref("key"), s3_object_version: ref("version_id", "other") })),
    /must name the same object/,
  );
});
