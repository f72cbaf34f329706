output "base_url" {
  description = "OpenAI-compatible base URL for PGENRM_LLM_BASE_URL."
  value       = local.self_hosted ? "http://${aws_lb.this[0].dns_name}:${var.listener_port}/v1" : var.base_url
}

output "load_balancer_security_group_id" {
  description = "Security group of the internal load balancer (null when an external URL is used)."
  value       = local.self_hosted ? aws_security_group.lb[0].id : null
}

output "listener_port" {
  description = "Port the functions connect to on the internal load balancer."
  value       = var.listener_port
}
