output "evaluate_state_machine_arn" {
  description = "Start one evaluation: input EvaluateRequest, output EvaluationResult."
  value       = module.workflow.evaluate_state_machine_arn
}

output "batch_state_machine_arn" {
  description = "Start a PersonalRewardBench batch: input {runId, inputKey, scaling}."
  value       = module.workflow.batch_state_machine_arn
}

output "build_population_state_machine_arn" {
  description = "Build the population of a batch run's registered train rows: input {runId, prototypes?}."
  value       = module.workflow.build_population_state_machine_arn
}

output "batch_bucket" {
  description = "Bucket for batch inputs (input_prefix) and Distributed Map results (results_prefix)."
  value       = module.storage.bucket_name
}

output "batch_input_prefix" {
  description = "Key prefix the batch state machine may read JSONL inputs from."
  value       = module.storage.input_prefix
}

output "batch_results_prefix" {
  description = "Key prefix the batch state machine writes its ResultWriter manifests under."
  value       = module.storage.results_prefix
}

output "function_alias_arns" {
  description = "Alias ARN of every function, by function key."
  value       = module.functions.alias_arns
}

output "db_proxy_endpoint" {
  description = "RDS Proxy endpoint the database functions connect to (IAM auth, TLS)."
  value       = module.database.proxy_endpoint
}

output "db_master_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS manages for the master user (for migrations)."
  value       = module.database.master_user_secret_arn
  sensitive   = true
}

output "inference_base_url" {
  description = "OpenAI-compatible base URL the functions call."
  value       = module.inference.base_url
}

output "reward_api_url" {
  description = "Function URL of the reward API (POST /v1/rewards, POST /get_reward); IAM auth, SigV4-signed requests of reward_api_invoker_principal_arns only."
  value       = module.reward_api.function_url
}
