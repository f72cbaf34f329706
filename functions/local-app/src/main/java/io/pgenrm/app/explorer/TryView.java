package io.pgenrm.app.explorer;

import java.util.List;

/** The Try it page: the form, stored users to pick from, and the result once the form was sent. */
public record TryView(TryForm form, List<String> users, int moreUsers, String error, String prompt,
        List<CandidateView> candidates, ResultView result) {
    static final int LISTED_USERS = 500;
}
