package dev.aigw.servicekit.wire;

/** The path of a request target as sent, judged before the server normalises it. */
public final class RequestTargets {
    private RequestTargets() {
    }

    /**
     * Whether {@code rawPath} holds a dot segment ({@code .} or {@code ..}), which the server would resolve into
     * another path than the client wrote. A segment's parameters count for nothing: the server drops them before
     * resolving dots, so {@code ..;x} climbs like {@code ..}.
     */
    public static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String bare = segment.split(";", 2)[0];
            if (bare.equals(".") || bare.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
