package dev.o2c.documents;

/** An e-mail to a customer in the customer's language: its subject and plain text body, and the language used. */
public record Mail(String subject, String body, String language) {}
