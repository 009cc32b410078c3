package dev.tether.profile;

/** What a zip entry is, as its central directory says: only files and folders are ever imported. */
public enum EntryType { FILE, DIRECTORY, LINK, SPECIAL }
