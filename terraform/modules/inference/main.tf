locals {
  self_hosted = var.base_url == null
  count       = local.self_hosted ? 1 : 0
  vllm_port   = 8000
}

check "ami_given_when_self_hosted" {
  assert {
    condition     = !local.self_hosted || var.ami_id != null
    error_message = "inference_ami_id is required when inference_base_url is not set."
  }
}

resource "aws_security_group" "lb" {
  count = local.count

  name_prefix = "${var.name}-inference-lb-"
  description = "Internal load balancer in front of vLLM"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "lb_from_functions" {
  count = local.count

  security_group_id            = aws_security_group.lb[0].id
  description                  = "HTTP from pgenrm functions"
  ip_protocol                  = "tcp"
  from_port                    = var.listener_port
  to_port                      = var.listener_port
  referenced_security_group_id = var.client_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "lb_to_instance" {
  count = local.count

  security_group_id            = aws_security_group.lb[0].id
  description                  = "vLLM port on the GPU instance"
  ip_protocol                  = "tcp"
  from_port                    = local.vllm_port
  to_port                      = local.vllm_port
  referenced_security_group_id = aws_security_group.instance[0].id
}

resource "aws_security_group" "instance" {
  count = local.count

  name_prefix = "${var.name}-inference-"
  description = "vLLM GPU instance"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "instance_from_lb" {
  count = local.count

  security_group_id            = aws_security_group.instance[0].id
  description                  = "vLLM from the internal load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.vllm_port
  to_port                      = local.vllm_port
  referenced_security_group_id = aws_security_group.lb[0].id
}

# Image pull, model download and SSM, through NAT.
resource "aws_vpc_security_group_egress_rule" "instance_https" {
  count = local.count

  security_group_id = aws_security_group.instance[0].id
  description       = "HTTPS for container image, model weights and SSM"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  count = local.count

  name_prefix        = "${var.name}-inference-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Shell access through Session Manager only: no key pair, no SSH ingress.
resource "aws_iam_role_policy_attachment" "ssm" {
  count = local.count

  role       = aws_iam_role.instance[0].name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

data "aws_iam_policy_document" "hf_token" {
  count = local.self_hosted && var.hf_token_secret_arn != null ? 1 : 0

  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.hf_token_secret_arn]
  }
}

resource "aws_iam_role_policy" "hf_token" {
  count = length(data.aws_iam_policy_document.hf_token)

  name   = "${var.name}-hf-token"
  role   = aws_iam_role.instance[0].id
  policy = data.aws_iam_policy_document.hf_token[0].json
}

resource "aws_iam_instance_profile" "instance" {
  count = local.count

  name_prefix = "${var.name}-inference-"
  role        = aws_iam_role.instance[0].name
}

resource "aws_instance" "vllm" {
  count = local.count

  ami                    = var.ami_id
  instance_type          = var.instance_type
  subnet_id              = var.subnet_ids[0]
  vpc_security_group_ids = [aws_security_group.instance[0].id]
  iam_instance_profile   = aws_iam_instance_profile.instance[0].name

  user_data = templatefile("${path.module}/user_data.sh.tftpl", {
    image               = var.vllm_image
    model_id            = var.model_id
    max_model_len       = var.max_model_len
    port                = local.vllm_port
    hf_token_secret_arn = var.hf_token_secret_arn == null ? "" : var.hf_token_secret_arn
  })
  user_data_replace_on_change = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name = "${var.name}-vllm"
  }
}

resource "aws_lb" "this" {
  count = local.count

  name_prefix        = "pgrm-"
  internal           = true
  load_balancer_type = "application"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.lb[0].id]
  # A judge generation can take minutes.
  idle_timeout               = 600
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "vllm" {
  count = local.count

  name_prefix = "vllm-"
  port        = local.vllm_port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "instance"

  health_check {
    path                = "/health"
    matcher             = "200"
    interval            = 30
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group_attachment" "vllm" {
  count = local.count

  target_group_arn = aws_lb_target_group.vllm[0].arn
  target_id        = aws_instance.vllm[0].id
  port             = local.vllm_port
}

# Plain HTTP inside the VPC only; add an HTTPS listener with an ACM certificate if policy requires TLS in transit.
resource "aws_lb_listener" "http" {
  count = local.count

  load_balancer_arn = aws_lb.this[0].arn
  port              = var.listener_port
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.vllm[0].arn
  }
}
