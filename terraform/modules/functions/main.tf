locals {
  # One Lambda per Funqy export. module = Maven module under functions/, group = IAM role, sizing and network.
  functions = {
    # The evaluation steps pass keys only: each loads the histories and personas it needs from the database and
    # stores what it produces (EvaluationArchive), so every group but compute reaches the database.
    "induce-persona"        = { module = "persona-induction", export = "inducePersona", group = "inference" }
    "generate-rubric"       = { module = "rubric-generation", export = "generateRubric", group = "inference" }
    "score-samples"         = { module = "sample-scoring", export = "scoreSamples", group = "inference" }
    "resolve-history"       = { module = "prototype-aggregation", export = "resolveHistory", group = "database" }
    "match-prototype"       = { module = "prototype-aggregation", export = "matchPrototype", group = "database" }
    "plan-samples"          = { module = "prototype-aggregation", export = "planSamples", group = "compute" }
    "record-sample-failure" = { module = "prototype-aggregation", export = "recordSampleFailure", group = "database" }
    "aggregate-scores"      = { module = "prototype-aggregation", export = "aggregateScores", group = "database" }
    # Not in a state machine: callers of evaluate read an evaluation's chains through it.
    "stored-evaluation"      = { module = "prototype-aggregation", export = "storedEvaluation", group = "database" }
    "prepare-benchmark-item" = { module = "prototype-aggregation", export = "prepareBenchmarkItem", group = "database" }
    "record-benchmark-item"  = { module = "prototype-aggregation", export = "recordBenchmarkItem", group = "database" }
    "register-history-row"   = { module = "prototype-aggregation", export = "registerHistoryRow", group = "database" }
    # build-population.asl.json. Learning the population model, inducing a batch's personas (the model), fitting the
    # prototypes over every embedding and publishing every user get the population group's reach, memory and time.
    "start-population"   = { module = "prototype-aggregation", export = "startPopulation", group = "population" }
    "induce-personas"    = { module = "prototype-aggregation", export = "inducePersonas", group = "population" }
    "fit-prototypes"     = { module = "prototype-aggregation", export = "fitPrototypes", group = "population" }
    "assign-prototypes"  = { module = "prototype-aggregation", export = "assignPrototypes", group = "database" }
    "publish-population" = { module = "prototype-aggregation", export = "publishPopulation", group = "population" }
  }

  groups = toset(["inference", "compute", "database", "population"])

  # The provided runtime ignores the handler; keeping it identical makes the two modes interchangeable.
  handler = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
  runtime = local.jvm ? "java21" : "provided.al2023"

  # One zip per Maven module, shared by every function built from it.
  packages = { for m in distinct([for f in local.functions : f.module]) : m => "${var.artifacts_dir}/${m}/target/function.zip" }
  jvm      = var.runtime_mode == "jvm"

  # The extension authenticates callers with AWS_SESSION_TOKEN, which SnapStart (jvm mode) functions do not have;
  # there, and without a layer, the functions call GetSecretValue themselves (io.pgenrm.runtime.aws.SecretReader).
  secrets_extension = !local.jvm && var.secrets_extension_layer_arn != null && var.llm_api_key_secret_arn != null

  # The inference group reaches the model and the database (the samples' histories, personas and chains).
  in_vpc = {
    inference  = true
    compute    = false
    database   = true
    population = true
  }

  # Every group builds the same judge: planSamples and aggregateScores depend on the backend too.
  common_env = {
    PGENRM_BACKEND        = var.judge_backend
    PGENRM_LLM_FORMAT     = var.llm_format
    PGENRM_LLM_PROMPT_SET = var.llm_prompt_set
  }

  # Secrets travel as ARNs only; the functions read the values at run time (DatabaseCredentials, LlmApiKeyFromSecret).
  inference_env = merge(
    {
      PGENRM_LLM_BASE_URL = var.llm_base_url
      PGENRM_LLM_MODEL    = var.llm_model
    },
    var.llm_api_key_secret_arn == null ? {} : { PGENRM_LLM_API_KEY_SECRET_ARN = var.llm_api_key_secret_arn },
    local.secrets_extension ? { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = "2773" } : {}
  )
  database_env = {
    PGENRM_DB_HOST                  = var.db_host
    PGENRM_DB_PORT                  = tostring(var.db_port)
    PGENRM_DB_NAME                  = var.db_name
    PGENRM_DB_USER                  = var.db_user
    PGENRM_DB_IAM_AUTH              = "true"
    PGENRM_DB_SSL_MODE              = "require"
    PGENRM_DB_HOSTNAME_VERIFICATION = "HTTPS"
  }
  group_env = {
    inference  = merge(local.inference_env, local.database_env)
    compute    = {}
    database   = local.database_env
    population = merge(local.inference_env, local.database_env)
  }
}

# The zips exceed Lambda's 50 MB direct upload (sizes in docs/deployment.md), so each goes to the versioned artifacts
# bucket and the functions are created from its version there. infra/checks/test/packages.test.js measures the built
# zips against both limits and checks that every function is uploaded this way.
resource "aws_s3_object" "package" {
  for_each = local.packages

  bucket      = var.artifacts_bucket
  key         = "functions/${each.key}/function.zip"
  source      = each.value
  source_hash = filebase64sha256(each.value)
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${var.name}-${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "function" {
  for_each = local.functions

  function_name     = "${var.name}-${each.key}"
  description       = "pgenrm ${each.value.export} (${each.value.module})"
  role              = aws_iam_role.group[each.value.group].arn
  s3_bucket         = aws_s3_object.package[each.value.module].bucket
  s3_key            = aws_s3_object.package[each.value.module].key
  s3_object_version = aws_s3_object.package[each.value.module].version_id
  # The zip's SHA-256, which Lambda reports as CodeSha256: a changed zip updates the code and publishes a version.
  source_code_hash = aws_s3_object.package[each.value.module].source_hash
  handler          = local.handler
  runtime          = local.runtime
  architectures    = ["x86_64"]
  memory_size      = var.memory_mb[each.value.group]
  timeout          = var.timeout_seconds[each.value.group]
  publish          = true
  layers           = contains(["inference", "population"], each.value.group) && local.secrets_extension ? [var.secrets_extension_layer_arn] : []

  dynamic "snap_start" {
    for_each = local.jvm ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "vpc_config" {
    for_each = local.in_vpc[each.value.group] ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids[each.value.group]
    }
  }

  environment {
    # The export goes last so no group setting can override it.
    variables = merge(
      local.common_env,
      local.group_env[each.value.group],
      { QUARKUS_FUNQY_EXPORT = each.value.export }
    )
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  tracing_config {
    mode = "Active"
  }

  # No version is published before the schema it reads is migrated (migrate.tf).
  depends_on = [aws_iam_role_policy.group, aws_lambda_invocation.migrate_schema]
}

# The state machines invoke the alias, so SnapStart snapshots of the published version are used.
resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = "live"
  function_name    = aws_lambda_function.function[each.key].function_name
  function_version = aws_lambda_function.function[each.key].version
}
