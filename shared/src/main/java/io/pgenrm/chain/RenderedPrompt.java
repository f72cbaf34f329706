package io.pgenrm.chain;

/** A prompt ready to send: the system message and the user message. */
public record RenderedPrompt(String system, String user) {
}
