package io.mizan.inprocess.functions.generic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** A catalog of books. */
@ApplicationScoped
public class Books extends Catalog<Books.Book> {

    public record Book(@NotBlank String title, int year) {}
}
