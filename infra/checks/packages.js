// The Lambda packages against AWS's limits: how Terraform uploads each Maven module's function.zip, what the built
// zip measures, and what of that Lambda would refuse.
import { blocks, locals } from "./test/lib.js";
import { readZip } from "./zip.js";

const MiB = 1024 * 1024;

/**
 * Lambda quotas: a .zip sent in the CreateFunction/UpdateFunctionCode request itself ("filename" in Terraform) is
 * at most 50 MB; from S3 or inline, the unpacked package (layers included) is at most 250 MB, which Lambda's error
 * message gives as 262144000 bytes. Past that only a container image (up to 10 GB) is accepted.
 */
export const LIMITS = { directUpload: 50 * MiB, unzipped: 250 * MiB };

/**
 * Jars whose natives the Lambda modules trim to linux x86_64 (functions/lambda-platform's
 * microprofile-config.properties), with the one directory of natives each may keep.
 */
const TRIMMED_JARS = [
  { jar: /^lib\/(modified-)?com\.microsoft\.onnxruntime\.onnxruntime-[^/]+\.jar$/, keep: "ai/onnxruntime/native/linux-x64/" },
  { jar: /^lib\/(modified-)?ai\.djl\.huggingface\.tokenizers-[^/]+\.jar$/, keep: "native/lib/linux-x86_64/" },
];
const NATIVE = /\.(so(\.\d+)*|dylib|jnilib|dll|pdb)$/;

/** The default artifacts_dir layout, which infra/checks reads the zips from. */
export const zipPath = (module) => `functions/${module}/target/function.zip`;

/** Measures a built zip: its size, the sum of its entries' sizes (what Lambda unpacks) and stray natives. */
export function measure(path) {
  const zip = readZip(path, (name) => TRIMMED_JARS.some((t) => t.jar.test(name)));
  const foreignNatives = [];
  for (const [jar, entries] of zip.nested) {
    const { keep } = TRIMMED_JARS.find((t) => t.jar.test(jar));
    for (const e of entries) if (NATIVE.test(e.name) && !e.name.startsWith(keep)) foreignNatives.push(`${jar}!/${e.name}`);
  }
  return { zipped: zip.size, unzipped: zip.entries.reduce((sum, e) => sum + e.size, 0), foreignNatives };
}

const mb = (bytes) => `${(bytes / MiB).toFixed(1)} MB`;

/** What Lambda would refuse of a measured zip uploaded this way ("s3" or "inline"); empty when it fits. */
export function problems({ zipped, unzipped, foreignNatives }, upload) {
  const out = [];
  if (upload === "inline" && zipped > LIMITS.directUpload) {
    out.push(`${mb(zipped)} zipped is over the ${mb(LIMITS.directUpload)} a direct upload takes: upload it through S3`);
  }
  if (unzipped > LIMITS.unzipped) {
    out.push(`${mb(unzipped)} unzipped is over Lambda's ${mb(LIMITS.unzipped)}: trim it or deploy a container image`);
  }
  if (foreignNatives.length) {
    out.push(`natives for another platform than linux x86_64 (lambda-platform's removed-resources missed them): ${foreignNatives.join(", ")}`);
  }
  return out;
}

const S3_REF = /^\$\{aws_s3_object\.(\w+)\[(each\.value\.module|local\.\w+|"[a-z-]+")\]\.(\w+)\}$/;
const PACKAGES = '${{ for m in distinct([for f in local.functions : f.module]) : m => "${var.artifacts_dir}/${m}/target/function.zip" }}';

/**
 * How the functions module uploads each Maven module's zip: Map(module -> Set of "s3" | "inline"). Throws, naming
 * the resource, on an upload this check cannot follow to the zip it measures, so the two never silently disagree.
 */
export function uploads(fnFiles) {
  const fnLocals = locals(fnFiles);
  const allModules = [...new Set(Object.values(fnLocals.functions).map((f) => f.module))];
  const objects = new Map(blocks(fnFiles, "resource", "aws_s3_object").map((b) => [b.name, b.body]));
  const out = new Map();
  const add = (modules, how) => modules.forEach((m) => out.set(m, new Set([...(out.get(m) ?? []), how])));

  for (const { name, body } of blocks(fnFiles, "resource", "aws_lambda_function")) {
    const where = `aws_lambda_function.${name}`;
    // The module a zip expression names: each function's own (for_each over local.functions), a local or a literal.
    const modulesOf = (index) => {
      if (index === "each.value.module") {
        if (body.for_each !== "${local.functions}") throw new Error(`${where}: each.value.module without for_each = local.functions`);
        return allModules;
      }
      const module = index.startsWith("local.") ? fnLocals[index.slice("local.".length)] : index.replaceAll('"', "");
      if (!allModules.includes(module)) throw new Error(`${where}: ${index} is not a module of local.functions`);
      return [module];
    };
    if (body.filename !== undefined) {
      const m = body.filename.match(/^\$\{var\.artifacts_dir\}\/(\$\{(each\.value\.module|local\.\w+)\}|[a-z-]+)\/target\/function\.zip$/);
      if (!m) throw new Error(`${where}: filename ${body.filename} is not a module's function.zip`);
      add(modulesOf(m[2] ?? m[1]), "inline");
      continue;
    }
    const refs = ["s3_bucket", "s3_key", "s3_object_version"].map((k) => [k, String(body[k]).match(S3_REF)]);
    for (const [k, ref] of refs) if (!ref) throw new Error(`${where}: ${k} must read an aws_s3_object, got ${body[k]}`);
    const [[, bucket], [, key], [, version]] = refs;
    if (new Set([bucket[1] + bucket[2], key[1] + key[2], version[1] + version[2]]).size !== 1) {
      throw new Error(`${where}: s3_bucket, s3_key and s3_object_version must name the same object`);
    }
    if ([bucket[3], key[3], version[3]].join() !== "bucket,key,version_id") {
      throw new Error(`${where}: s3_bucket, s3_key and s3_object_version must be the object's bucket, key and version_id`);
    }
    const object = objects.get(key[1]);
    if (!object || object.for_each !== "${local.packages}" || object.source !== "${each.value}" || fnLocals.packages !== PACKAGES) {
      throw new Error(`${where}: aws_s3_object.${key[1]} must upload local.packages, each module's function.zip`);
    }
    add(modulesOf(key[2]), "s3");
  }
  return out;
}
