package io.pgenrm.workflow;

import io.pgenrm.prototype.PrototypeIndex;

/** The current user prototypes. */
public interface PrototypeCatalog {
    PrototypeIndex index();
}
