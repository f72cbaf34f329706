package io.pgenrm.chain;

/** A JSON object found in the judge's output; {@code start} is where its block (marker, fence or brace) begins. */
record JsonBlock(int start, LenientJson.Read read) {
}
