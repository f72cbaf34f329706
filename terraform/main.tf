locals {
  name        = "pgenrm-${var.environment}"
  self_hosted = var.inference_base_url == null
  repo_root   = "${path.root}/.."

  model_reach_security_groups = concat([aws_security_group.database_functions.id],
  local.self_hosted ? [aws_security_group.inference_functions[0].id] : [aws_security_group.model_https[0].id])
}

# One security group per VPC-attached function group, each allowed only what that group connects to.
# Database functions reach RDS Proxy and nothing else: their IAM tokens are signed locally, no AWS API is called.
resource "aws_security_group" "database_functions" {
  name_prefix = "${local.name}-db-functions-"
  description = "pgenrm database functions (no ingress)"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "database_functions_to_proxy" {
  security_group_id            = aws_security_group.database_functions.id
  description                  = "PostgreSQL via RDS Proxy"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = module.database.proxy_security_group_id
}

# The self-hosted server's internal load balancer, for the functions that call the model.
resource "aws_security_group" "inference_functions" {
  count = local.self_hosted ? 1 : 0

  name_prefix = "${local.name}-inference-functions-"
  description = "pgenrm inference functions (no ingress)"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "inference_functions_to_lb" {
  count = local.self_hosted ? 1 : 0

  security_group_id            = aws_security_group.inference_functions[0].id
  description                  = "vLLM internal load balancer"
  ip_protocol                  = "tcp"
  from_port                    = module.inference.listener_port
  to_port                      = module.inference.listener_port
  referenced_security_group_id = module.inference.load_balancer_security_group_id
}

# Secrets Manager for the API key secret, through NAT or an interface endpoint; needed only when a key is used.
resource "aws_vpc_security_group_egress_rule" "inference_functions_https" {
  count = local.self_hosted && var.inference_api_key_secret_arn != null ? 1 : 0

  security_group_id = aws_security_group.inference_functions[0].id
  description       = "HTTPS to Secrets Manager"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# The functions that call the model are in the VPC (for the proxy); with an external endpoint they reach the model,
# and the API key secret, over HTTPS through NAT.
resource "aws_security_group" "model_https" {
  count = local.self_hosted ? 0 : 1

  name_prefix = "${local.name}-model-https-"
  description = "pgenrm functions to an external inference endpoint (no ingress)"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "model_https" {
  count = local.self_hosted ? 0 : 1

  security_group_id = aws_security_group.model_https[0].id
  description       = "HTTPS to the inference endpoint and Secrets Manager"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

module "storage" {
  source = "./modules/storage"

  name        = local.name
  kms_key_arn = var.batch_bucket_kms_key_arn
}

module "database" {
  source = "./modules/database"

  name                     = local.name
  vpc_id                   = var.vpc_id
  subnet_ids               = var.private_subnet_ids
  client_security_group_id = aws_security_group.database_functions.id
  engine_version           = var.db_engine_version
  min_acu                  = var.db_min_acu
  max_acu                  = var.db_max_acu
  instance_count           = var.db_instance_count
  deletion_protection      = var.db_deletion_protection
}

module "inference" {
  source = "./modules/inference"

  name                     = local.name
  base_url                 = var.inference_base_url
  vpc_id                   = var.vpc_id
  subnet_ids               = var.private_subnet_ids
  client_security_group_id = local.self_hosted ? aws_security_group.inference_functions[0].id : null
  instance_type            = var.inference_instance_type
  ami_id                   = var.inference_ami_id
  model_id                 = var.inference_model
  vllm_image               = var.vllm_image
  hf_token_secret_arn      = var.hf_token_secret_arn
}

module "functions" {
  source = "./modules/functions"

  name               = local.name
  runtime_mode       = var.runtime_mode
  artifacts_dir      = coalesce(var.artifacts_dir, "${local.repo_root}/functions")
  artifacts_bucket   = module.storage.artifacts_bucket_name
  memory_mb          = var.function_memory_mb
  timeout_seconds    = var.function_timeout_seconds
  log_retention_days = var.log_retention_days
  subnet_ids         = var.private_subnet_ids
  # The inference and population groups need both reaches: the proxy, and the model (the internal load balancer, or
  # HTTPS out).
  security_group_ids = {
    database   = [aws_security_group.database_functions.id]
    inference  = local.model_reach_security_groups
    population = local.model_reach_security_groups
  }
  judge_backend               = var.judge_backend
  llm_format                  = var.llm_format
  llm_prompt_set              = var.llm_prompt_set
  llm_base_url                = module.inference.base_url
  llm_model                   = var.inference_model
  llm_api_key_secret_arn      = var.inference_api_key_secret_arn
  llm_api_key_kms_key_arn     = var.inference_api_key_kms_key_arn
  secrets_extension_layer_arn = var.secrets_extension_layer_arn
  db_host                     = module.database.proxy_endpoint
  db_port                     = module.database.port
  db_name                     = module.database.database_name
  db_user                     = module.database.master_username
  db_connect_arn              = module.database.proxy_connect_arn
}

module "workflow" {
  source = "./modules/workflow"

  name                             = local.name
  statemachine_dir                 = "${local.repo_root}/infra/statemachine"
  function_arns                    = module.functions.alias_arns
  batch_bucket_name                = module.storage.bucket_name
  batch_bucket_arn                 = module.storage.bucket_arn
  batch_bucket_kms_arn             = var.batch_bucket_kms_key_arn
  input_prefix                     = module.storage.input_prefix
  results_prefix                   = module.storage.results_prefix
  sample_max_concurrency           = var.sample_max_concurrency
  item_max_concurrency             = var.item_max_concurrency
  population_batch_max_concurrency = var.population_batch_max_concurrency
  log_retention_days               = var.log_retention_days
  log_execution_data               = var.sfn_log_execution_data
  alarm_topic_arn                  = var.alarm_topic_arn
}

# The reward API for RL trainers behind a function URL with IAM auth; it reads users and prototypes through the proxy
# and calls the model, so it has the population group's reach.
module "reward_api" {
  source = "./modules/reward-api"

  name                    = local.name
  runtime_mode            = var.runtime_mode
  package_path            = "${coalesce(var.artifacts_dir, "${local.repo_root}/functions")}/reward-api/target/function.zip"
  artifacts_bucket        = module.storage.artifacts_bucket_name
  memory_mb               = var.reward_api_memory_mb
  timeout_seconds         = var.reward_api_deadline_seconds + 30
  reward_deadline_seconds = var.reward_api_deadline_seconds
  max_in_flight           = var.reward_api_max_in_flight
  reserved_concurrency    = var.reward_api_reserved_concurrency
  log_retention_days      = var.log_retention_days
  subnet_ids              = var.private_subnet_ids
  security_group_ids = concat([aws_security_group.database_functions.id],
  local.self_hosted ? [aws_security_group.inference_functions[0].id] : [aws_security_group.population_https[0].id])
  judge_backend           = var.judge_backend
  llm_format              = var.llm_format
  llm_prompt_set          = var.llm_prompt_set
  llm_base_url            = module.inference.base_url
  llm_model               = var.inference_model
  llm_api_key_secret_arn  = var.inference_api_key_secret_arn
  llm_api_key_kms_key_arn = var.inference_api_key_kms_key_arn
  db_host                 = module.database.proxy_endpoint
  db_port                 = module.database.port
  db_name                 = module.database.database_name
  db_user                 = module.database.master_username
  db_connect_arn          = module.database.proxy_connect_arn
  invoker_principal_arns  = var.reward_api_invoker_principal_arns

  # The schema it reads is migrated by the functions module before any function is published.
  depends_on = [module.functions]
}
