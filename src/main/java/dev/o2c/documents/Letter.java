package dev.o2c.documents;

/** A letter kept as a document and the e-mail that carries it, in the customer's language. */
public record Letter(Document document, String title, String mailSubject, String mailBody) {}
