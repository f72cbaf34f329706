# The reward API for RL trainers (POST /v1/rewards, POST /get_reward, GET /v1/evaluations/{id}) as one Lambda:
# a request is evaluated whole in-process, its judge calls held to max_in_flight; users and prototypes are read from
# the database. It is reached through a function URL with IAM auth: only the listed principals, SigV4-signed.
locals {
  jvm = var.runtime_mode == "jvm"

  environment = merge(
    {
      QUARKUS_FUNQY_EXPORT            = "rewardApi"
      PGENRM_BACKEND                  = var.judge_backend
      PGENRM_LLM_FORMAT               = var.llm_format
      PGENRM_LLM_PROMPT_SET           = var.llm_prompt_set
      PGENRM_LLM_BASE_URL             = var.llm_base_url
      PGENRM_LLM_MODEL                = var.llm_model
      PGENRM_MAX_IN_FLIGHT            = tostring(var.max_in_flight)
      PGENRM_REWARD_DEADLINE          = "PT${var.reward_deadline_seconds}S"
      PGENRM_DB_HOST                  = var.db_host
      PGENRM_DB_PORT                  = tostring(var.db_port)
      PGENRM_DB_NAME                  = var.db_name
      PGENRM_DB_USER                  = var.db_user
      PGENRM_DB_IAM_AUTH              = "true"
      PGENRM_DB_SSL_MODE              = "require"
      PGENRM_DB_HOSTNAME_VERIFICATION = "HTTPS"
    },
    var.llm_api_key_secret_arn == null ? {} : { PGENRM_LLM_API_KEY_SECRET_ARN = var.llm_api_key_secret_arn }
  )
}

resource "aws_s3_object" "package" {
  bucket      = var.artifacts_bucket
  key         = "functions/reward-api/function.zip"
  source      = var.package_path
  source_hash = filebase64sha256(var.package_path)
}

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}-reward-api"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "reward_api" {
  function_name                  = "${var.name}-reward-api"
  description                    = "pgenrm reward API for RL trainers (rewardApi, reward-api)"
  role                           = aws_iam_role.reward_api.arn
  s3_bucket                      = aws_s3_object.package.bucket
  s3_key                         = aws_s3_object.package.key
  s3_object_version              = aws_s3_object.package.version_id
  source_code_hash               = aws_s3_object.package.source_hash
  handler                        = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
  runtime                        = local.jvm ? "java21" : "provided.al2023"
  architectures                  = ["x86_64"]
  memory_size                    = var.memory_mb
  timeout                        = var.timeout_seconds
  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency
  publish                        = true

  dynamic "snap_start" {
    for_each = local.jvm ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  environment {
    variables = local.environment
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function.name
  }

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy.reward_api]
}

# The URL serves the published version behind the alias, so SnapStart snapshots are used.
resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.reward_api.function_name
  function_version = aws_lambda_function.reward_api.version
}

resource "aws_lambda_function_url" "reward_api" {
  function_name      = aws_lambda_function.reward_api.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "AWS_IAM"
  invoke_mode        = "BUFFERED"
}

# Function URLs created since October 2025 need both actions granted to the caller.
resource "aws_lambda_permission" "invoke_url" {
  for_each = toset(var.invoker_principal_arns)

  statement_id           = "InvokeUrl-${substr(sha256(each.value), 0, 16)}"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.reward_api.function_name
  qualifier              = aws_lambda_alias.live.name
  principal              = each.value
  function_url_auth_type = "AWS_IAM"
}

resource "aws_lambda_permission" "invoke" {
  for_each = toset(var.invoker_principal_arns)

  statement_id  = "Invoke-${substr(sha256(each.value), 0, 16)}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.reward_api.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = each.value
}
