package io.mizan.it.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** A catalog of books: its functions read and write {@link Book}, not a map. */
@ApplicationScoped
public class Books extends Catalog<Books.Book> {

    public record Book(@NotBlank String title, int year) {}
}
