package dev.strato.cli;

import java.io.PrintWriter;

/** Colored, symbol-led lines when stdout is a terminal; plain text otherwise or with NO_COLOR. */
final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean color;

    Console(PrintWriter out, PrintWriter err, boolean color) {
        this.out = out;
        this.err = err;
        this.color = color;
    }

    static boolean useColor(Environment env, boolean noColorFlag) {
        if (noColorFlag || env.get("NO_COLOR") != null && !env.get("NO_COLOR").isEmpty()) return false;
        if ("dumb".equals(env.get("TERM"))) return false;
        if (env.get("STRATO_FORCE_COLOR") != null) return true;
        return System.console() != null;
    }

    /** Live progress (redrawn bars) only on a terminal; STRATO_TTY=1 forces it, for tests of the terminal output. */
    static boolean isTerminal(Environment env) {
        if (env.get("STRATO_TTY") != null) return "1".equals(env.get("STRATO_TTY"));
        return System.console() != null;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    String red(String s) {
        return paint("31;1", s);
    }

    String yellow(String s) {
        return paint("33;1", s);
    }

    String green(String s) {
        return paint("32", s);
    }

    String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
    }
}
