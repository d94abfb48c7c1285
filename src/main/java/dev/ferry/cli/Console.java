package dev.ferry.cli;

/** Where the command line writes what it did. */
final class Console {
    private Console() {
    }

    static void line(String text) {
        System.out.println(text);
    }
}
