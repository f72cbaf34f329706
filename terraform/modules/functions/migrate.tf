# Flyway runs in a function of its own that Terraform invokes, never when a database function starts: in jvm mode a
# function starts when SnapStart publishes its version, so a migration that failed or outlasted the database's
# start there would leave a broken version behind the live alias, and Terraform would not publish again until the code
# changed. Every function version is published only after this invocation succeeded (depends_on in main.tf).

locals {
  migrate_module = "prototype-aggregation"
  # Flyway retries connecting for about 4 minutes (quarkus.flyway.connect-retries in the module), then migrates.
  migrate_timeout_seconds = 600
}

resource "aws_cloudwatch_log_group" "migrate_schema" {
  name              = "/aws/lambda/${var.name}-migrate-schema"
  retention_in_days = var.log_retention_days
}

# Invoked on $LATEST only: no published version, no alias, no SnapStart.
resource "aws_lambda_function" "migrate_schema" {
  function_name     = "${var.name}-migrate-schema"
  description       = "pgenrm migrateSchema (${local.migrate_module}): Flyway, invoked by Terraform before the functions are published"
  role              = aws_iam_role.group["database"].arn
  s3_bucket         = aws_s3_object.package[local.migrate_module].bucket
  s3_key            = aws_s3_object.package[local.migrate_module].key
  s3_object_version = aws_s3_object.package[local.migrate_module].version_id
  source_code_hash  = aws_s3_object.package[local.migrate_module].source_hash
  handler           = local.handler
  runtime           = local.runtime
  architectures     = ["x86_64"]
  memory_size       = var.memory_mb["database"]
  timeout           = local.migrate_timeout_seconds

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids["database"]
  }

  environment {
    variables = merge(local.database_env, { QUARKUS_FUNQY_EXPORT = "migrateSchema" })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.migrate_schema.name
  }

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy.group]
}

# Synchronous: a migration error is a function error, which fails this resource and so the apply. It runs again
# whenever the module's zip, and with it the migrations, changes. db_host is the proxy endpoint, which the database
# module hands out only once the cluster instance and the proxy target exist.
resource "aws_lambda_invocation" "migrate_schema" {
  function_name = aws_lambda_function.migrate_schema.function_name
  input         = jsonencode({})

  triggers = {
    code = aws_lambda_function.migrate_schema.source_code_hash
  }
}
