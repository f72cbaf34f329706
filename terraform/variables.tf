variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Short environment name (dev, staging, prod); part of every resource name."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "vpc_id" {
  description = "Existing VPC for the database, the VPC-attached functions and the self-hosted inference server."
  type        = string
}

variable "private_subnet_ids" {
  description = "At least two private subnets in different AZs. Functions that call AWS APIs or an external inference URL from here need a NAT gateway or VPC endpoints."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Aurora and RDS Proxy need subnets in at least two availability zones."
  }
}

variable "runtime_mode" {
  description = "jvm: java21 zips with SnapStart; native: provided.al2023 zips holding a Quarkus native bootstrap."
  type        = string
  default     = "jvm"

  validation {
    condition     = contains(["jvm", "native"], var.runtime_mode)
    error_message = "runtime_mode must be jvm or native."
  }
}

variable "artifacts_dir" {
  description = "Directory holding one <module>/target/function.zip per Maven function module; defaults to the repository's functions/ directory."
  type        = string
  default     = null
}

variable "function_memory_mb" {
  description = "Lambda memory in MB per function group: inference (inducePersona, generateRubric, scoreSamples: they wait on the model), compute (planSamples), database (resolveHistory, matchPrototype, recordSampleFailure, aggregateScores, storedEvaluation, prepare/recordBenchmarkItem, registerHistoryRow), population (startPopulation, inducePersonas: a batch of 250 users' personas at pgenrm.max-in-flight at once, fitPrototypes: k-means over every user's embedding, about 4 bytes per user and dimension, publishPopulation). CPU share grows with memory; see the cost model in docs/deployment.md."
  type        = map(number)
  default = {
    inference  = 1024
    compute    = 1024
    database   = 1024
    population = 2048
  }
}

variable "function_timeout_seconds" {
  description = "Lambda timeout in seconds per function group (inference, compute, database, population). Each must stay below the TimeoutSeconds of the ASL Tasks that call it (330 for inference, 30 for planSamples, 930 for the population steps, 60 otherwise; Lambda allows 900 at most), so a slow call fails as a Lambda timeout the state machine can retry, not as a state timeout."
  type        = map(number)
  default = {
    inference  = 300
    compute    = 25
    database   = 50
    population = 900
  }

  validation {
    condition     = var.function_timeout_seconds["inference"] < 330 && var.function_timeout_seconds["compute"] < 30 && var.function_timeout_seconds["database"] < 60 && var.function_timeout_seconds["population"] <= 900
    error_message = "Lambda timeouts must stay below the ASL TimeoutSeconds (inference < 330, compute < 30, database < 60) and within Lambda's limit (population <= 900, below the ASL's 930)."
  }
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention for the functions and the state machines."
  type        = number
  default     = 30
}

variable "sample_max_concurrency" {
  description = "MaxConcurrency of the per-evaluation sample Map (Ind-N + Pro-M samples in flight)."
  type        = number
  default     = 8
}

variable "item_max_concurrency" {
  description = "MaxConcurrency of the batch Distributed Map (benchmark items evaluated at once)."
  type        = number
  default     = 20
}

variable "population_batch_max_concurrency" {
  description = "MaxConcurrency of the build-population Distributed Maps: batches of 250 users in flight, each inducing pgenrm.max-in-flight (16) personas at once. The default keeps about 32 persona calls at one GPU instance (its ~30 requests at 50 tokens/s); raise it with a hosted endpoint, more instances, or the chain format and the local backend, whose personas call no model."
  type        = number
  default     = 2
}

variable "sfn_log_execution_data" {
  description = "Whether state machine logs include inputs and outputs (user histories): keep false outside debugging."
  type        = bool
  default     = false
}

variable "batch_bucket_kms_key_arn" {
  description = "Customer managed KMS key for the batch bucket; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "db_engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.6"
}

variable "db_min_acu" {
  description = "Aurora Serverless v2 minimum capacity in ACUs."
  type        = number
  default     = 0.5
}

variable "db_max_acu" {
  description = "Aurora Serverless v2 maximum capacity in ACUs."
  type        = number
  default     = 8
}

variable "db_instance_count" {
  description = "Number of db.serverless instances (1 writer, the rest readers)."
  type        = number
  default     = 1
}

variable "db_deletion_protection" {
  description = "Protect the Aurora cluster from deletion."
  type        = bool
  default     = true
}

variable "judge_backend" {
  description = "Judge backend of every function (PGENRM_BACKEND): llm calls the inference endpoint; local is the CPU judge, for a smoke test without a model. All functions must agree: planSamples and aggregateScores depend on it too."
  type        = string
  default     = "llm"

  validation {
    condition     = contains(["llm", "local"], var.judge_backend)
    error_message = "judge_backend must be llm or local."
  }
}

variable "llm_format" {
  description = "Prompt format of the llm backend (PGENRM_LLM_FORMAT): staged (persona, rubric, scores in separate calls) or chain (one generation per sample)."
  type        = string
  default     = "staged"

  validation {
    condition     = contains(["staged", "chain"], var.llm_format)
    error_message = "llm_format must be staged or chain."
  }
}

variable "llm_prompt_set" {
  description = "Built-in prompt set of the llm backend (PGENRM_LLM_PROMPT_SET): default, or paper (the layout P-GenRM's checkpoints were fine-tuned on; use it with llm_format = chain to serve those weights)."
  type        = string
  default     = "default"

  validation {
    condition     = contains(["default", "paper"], var.llm_prompt_set)
    error_message = "llm_prompt_set must be default or paper."
  }
}

variable "inference_base_url" {
  description = "An existing OpenAI-compatible endpoint (e.g. https://host/v1); null deploys vLLM on a GPU instance behind an internal load balancer."
  type        = string
  default     = null
}

variable "inference_model" {
  description = "Model id sent to the inference endpoint and, when self-hosted, served by vLLM."
  type        = string
  default     = "Qwen/Qwen3-8B"
}

variable "inference_api_key_secret_arn" {
  description = "Optional Secrets Manager secret whose SecretString is the inference API key (plain text). Only its ARN reaches the functions (PGENRM_LLM_API_KEY_SECRET_ARN); the inference functions may read this secret and no other."
  type        = string
  default     = null

  validation {
    condition     = var.inference_api_key_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.inference_api_key_secret_arn))
    error_message = "inference_api_key_secret_arn must be a full Secrets Manager secret ARN."
  }
}

variable "inference_api_key_kms_key_arn" {
  description = "Customer managed KMS key that encrypts the API key secret, if any; the inference functions may then decrypt with it through Secrets Manager only. null for the AWS managed key."
  type        = string
  default     = null
}

variable "secrets_extension_layer_arn" {
  description = "ARN of the AWS Parameters and Secrets Lambda Extension layer for your region and x86_64 (listed in the Secrets Manager user guide). Used in native mode to read the API key secret through the extension's cache; jvm mode ignores it because SnapStart functions cannot authenticate to the extension, and they call GetSecretValue directly. null: direct calls in both modes."
  type        = string
  default     = null

  validation {
    condition     = var.secrets_extension_layer_arn == null || can(regex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[A-Za-z0-9_-]+:[0-9]+$", var.secrets_extension_layer_arn))
    error_message = "secrets_extension_layer_arn must be a versioned Lambda layer ARN."
  }
}

variable "inference_instance_type" {
  description = "GPU instance type for the self-hosted vLLM server."
  type        = string
  default     = "g6e.xlarge"
}

variable "inference_ami_id" {
  description = "AMI for the vLLM server: a GPU AMI with NVIDIA drivers, Docker and the NVIDIA container toolkit (e.g. an AWS Deep Learning Base GPU AMI). Required when self-hosting."
  type        = string
  default     = null
}

variable "vllm_image" {
  description = "vLLM OpenAI-compatible server container image, pinned to a tag."
  type        = string
  default     = "vllm/vllm-openai:v0.8.5"
}

variable "hf_token_secret_arn" {
  description = "Optional Secrets Manager secret with a Hugging Face token, for gated models on the self-hosted server."
  type        = string
  default     = null
}

variable "alarm_topic_arn" {
  description = "Optional SNS topic for CloudWatch alarms on failed and timed-out executions of both state machines; null creates no alarms."
  type        = string
  default     = null
}

variable "reward_api_invoker_principal_arns" {
  description = "IAM principals (e.g. the training job's role) allowed to call the reward API's function URL, which takes SigV4-signed requests only."
  type        = list(string)
  default     = []
}

variable "reward_api_memory_mb" {
  description = "Memory in MB of the reward API Lambda, which runs a whole request's evaluations at once."
  type        = number
  default     = 2048
}

variable "reward_api_max_in_flight" {
  description = "Judge calls one reward API environment keeps in flight (pgenrm.max-in-flight); size it to the model's concurrency divided by reward_api_reserved_concurrency."
  type        = number
  default     = 64
}

variable "reward_api_reserved_concurrency" {
  description = "Reward API environments that may run at once (null: no reservation)."
  type        = number
  default     = null
}

variable "reward_api_deadline_seconds" {
  description = "Seconds a reward request may take before groups still running are answered with errors (OpenRLHF waits 180); the Lambda timeout is 30 s more."
  type        = number
  default     = 150

  validation {
    condition     = var.reward_api_deadline_seconds >= 10 && var.reward_api_deadline_seconds <= 860
    error_message = "reward_api_deadline_seconds must be between 10 and 860 (Lambda's 900 s limit, less 30 s and a margin)."
  }
}
