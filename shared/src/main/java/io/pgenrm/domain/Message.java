package io.pgenrm.domain;

/** One turn of a conversation: {@code role} is user, assistant or system. */
public record Message(String role, String content) {
    public Message {
        Validation.require(role != null && !role.isBlank(), "role", "must not be blank");
        Validation.require(content != null, "content", "must not be null");
    }
}
