package io.pinxit.gallery.web;

/** How an artwork is named to people, and described to those who cannot see it. */
final class Titles {

    private Titles() {
    }

    static String orUntitled(String title) {
        return title == null || title.isBlank() ? "Untitled" : title;
    }

    static String altText(String title, String author, String model) {
        return "“" + title + "” by " + author + ", made with the model " + model;
    }
}
