package io.pgenrm.workflow;

import io.pgenrm.domain.UserHistory;
import java.util.Optional;

/** Where users' stored preference signals are looked up by id. */
public interface UserDirectory {
    Optional<UserHistory> find(String userId);
}
