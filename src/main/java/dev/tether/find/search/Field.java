package dev.tether.find.search;

/** One searchable text of a message, and where it is: {@code user}, {@code assistant}, or {@code tool <name>} for a tool's input. */
record Field(String where, String text) {
}
