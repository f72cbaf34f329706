# The reward API's own role: its logs, traces, network interfaces, the proxy login and the model's API key; nothing else.

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

resource "aws_iam_role" "reward_api" {
  name_prefix        = "${var.name}-reward-api-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "reward_api" {
  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }

  statement {
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }

  # ENI management for a VPC-attached function, as in AWSLambdaVPCAccessExecutionRole; these actions allow no
  # resource-level scoping.
  statement {
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

  statement {
    sid       = "DatabaseIamAuth"
    actions   = ["rds-db:connect"]
    resources = [var.db_connect_arn]
  }

  dynamic "statement" {
    for_each = var.llm_api_key_secret_arn != null ? [1] : []
    content {
      sid       = "InferenceApiKey"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.llm_api_key_secret_arn]
    }
  }

  dynamic "statement" {
    for_each = var.llm_api_key_secret_arn != null && var.llm_api_key_kms_key_arn != null ? [1] : []
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
}

resource "aws_iam_role_policy" "reward_api" {
  name   = "${var.name}-reward-api"
  role   = aws_iam_role.reward_api.id
  policy = data.aws_iam_policy_document.reward_api.json
}
