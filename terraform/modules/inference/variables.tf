variable "name" {
  description = "Name prefix for every resource."
  type        = string
}

variable "base_url" {
  description = "Existing OpenAI-compatible base URL; null deploys the self-hosted vLLM server."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the self-hosted server and its internal load balancer."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (two AZs for the load balancer); the instance goes into the first."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "Security group of the functions: the only source allowed to reach the load balancer."
  type        = string
}

variable "instance_type" {
  description = "GPU instance type."
  type        = string
}

variable "ami_id" {
  description = "GPU AMI with NVIDIA drivers, Docker and the NVIDIA container toolkit."
  type        = string
  default     = null
}

variable "model_id" {
  description = "Hugging Face model id vLLM serves (also its served model name)."
  type        = string
}

variable "vllm_image" {
  description = "vLLM OpenAI server image with a pinned tag."
  type        = string
}

variable "hf_token_secret_arn" {
  description = "Optional Secrets Manager secret with a Hugging Face token for gated models."
  type        = string
  default     = null
}

variable "root_volume_gb" {
  description = "Root volume size for the image and the model weights."
  type        = number
  default     = 200
}

variable "max_model_len" {
  description = "vLLM --max-model-len (context window the server allocates KV cache for)."
  type        = number
  default     = 16384
}

variable "listener_port" {
  description = "Port of the internal load balancer listener."
  type        = number
  default     = 80
}
