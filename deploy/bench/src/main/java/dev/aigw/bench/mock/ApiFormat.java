package dev.aigw.bench.mock;

import java.util.List;
import java.util.Optional;

/** A provider API the mock speaks. */
sealed interface ApiFormat permits ChatCompletions, Responses, Messages {
    /** Every API, in the order paths are matched. */
    List<ApiFormat> ALL = List.of(new ChatCompletions(), new Responses(), new Messages());

    /** Input tokens every answer reports; output tokens are the number of deltas. */
    int INPUT_TOKENS = 12;

    /** The end of the paths this API answers on, whatever prefix a client or gateway puts before it. */
    String pathSuffix();

    /** This API's answers for the profile. */
    Answer render(MockProfile profile);

    /** The API a path is for. */
    static Optional<ApiFormat> forPath(String path) {
        for (ApiFormat api : ALL) {
            if (path.endsWith(api.pathSuffix())) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }
}
