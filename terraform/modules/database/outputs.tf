output "proxy_endpoint" {
  description = "RDS Proxy endpoint, handed out once the proxy has a target and the cluster an instance: whatever connects through it (the schema migration first) waits for both."
  value       = aws_db_proxy.this.endpoint

  depends_on = [aws_db_proxy_target.this, aws_rds_cluster_instance.this]
}

output "proxy_security_group_id" {
  description = "Security group of the proxy (functions need egress to it)."
  value       = aws_security_group.proxy.id
}

output "proxy_connect_arn" {
  description = "rds-db:connect resource for the functions' IAM policy."
  value       = "arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${local.proxy_resource_id}/${var.master_username}"
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Database name."
  value       = aws_rds_cluster.this.database_name
}

output "master_username" {
  description = "Master user name (not a secret; the password lives only in Secrets Manager)."
  value       = aws_rds_cluster.this.master_username
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed master user secret."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
  sensitive   = true
}
