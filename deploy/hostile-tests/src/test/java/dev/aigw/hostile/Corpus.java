package dev.aigw.hostile;

import java.util.ArrayList;
import java.util.List;

/** Sends cases one by one and collects what is wrong with their answers, one report line each. */
final class Corpus {
    private Corpus() {
    }

    static List<String> run(List<Case> cases) {
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            Answer answer = Wire.exchange(c.port(), c.bytes(), c.halfClose(), c.head());
            String problem = c.judge(answer);
            if (problem != null) {
                problems.add(c.name() + " -> " + problem);
            }
        }
        return problems;
    }

    /** The problems as a report: how many of how many, then one per line. */
    static String report(List<String> problems, int total) {
        return problems.size() + " of " + total + " hostile requests got a wrong answer:\n  " + String.join("\n  ", problems);
    }
}
