# One role per function group: each group gets only what its functions do.

data "aws_region" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "group" {
  for_each = local.groups

  name_prefix        = "${var.name}-${each.key}-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "group" {
  for_each = local.groups

  statement {
    sid     = "OwnLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = concat(
      [for key, f in local.functions : "${aws_cloudwatch_log_group.function[key].arn}:*" if f.group == each.key],
      each.key == "database" ? ["${aws_cloudwatch_log_group.migrate_schema.arn}:*"] : []
    )
  }

  statement {
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }

  # ENI management for VPC-attached functions, as in AWSLambdaVPCAccessExecutionRole; the Describe actions allow no
  # resource-level scoping.
  dynamic "statement" {
    for_each = local.in_vpc[each.key] ? [1] : []
    content {
      sid = "VpcNetworkInterfaces"
      actions = [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
      ]
      resources = ["*"]
    }
  }

  # The API key secret and nothing else, read directly or by the Parameters and Secrets extension (same call).
  dynamic "statement" {
    for_each = contains(["inference", "population"], each.key) && var.llm_api_key_secret_arn != null ? [1] : []
    content {
      sid       = "InferenceApiKey"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.llm_api_key_secret_arn]
    }
  }

  dynamic "statement" {
    for_each = contains(["inference", "population"], each.key) && var.llm_api_key_secret_arn != null && var.llm_api_key_kms_key_arn != null ? [1] : []
    content {
      sid       = "InferenceApiKeyDecrypt"
      actions   = ["kms:Decrypt"]
      resources = [var.llm_api_key_kms_key_arn]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${data.aws_region.current.name}.amazonaws.com"]
      }
    }
  }

  # Connect to RDS Proxy as db_user with an IAM token; no database password is readable by any function.
  dynamic "statement" {
    for_each = contains(["inference", "database", "population"], each.key) ? [1] : []
    content {
      sid       = "DatabaseIamAuth"
      actions   = ["rds-db:connect"]
      resources = [var.db_connect_arn]
    }
  }
}

resource "aws_iam_role_policy" "group" {
  for_each = local.groups

  name   = "${var.name}-${each.key}"
  role   = aws_iam_role.group[each.key].id
  policy = data.aws_iam_policy_document.group[each.key].json
}
