package io.mizan.bench.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** A nested body of about 10 KB (85 lines), validated on both sides: the benchmark's third pair. */
public record Order(
        @NotBlank @Size(max = 80) String customer,
        @NotNull @Valid Address address,
        @NotNull @Size(min = 1, max = 200) List<@Valid Line> lines) {

    public record Address(@NotBlank String street, @NotBlank String city, @NotBlank @Size(max = 10) String zip) {
    }

    public record Line(
            @NotBlank @Size(max = 40) String sku,
            @Min(1) int quantity,
            @NotNull @DecimalMin("0") BigDecimal price,
            @NotNull List<@NotBlank String> tags) {
    }

    /** What placing it answers: the number of lines and the total. */
    public record Summary(int lines, BigDecimal total) {
        static Summary of(Order order) {
            BigDecimal total = BigDecimal.ZERO;
            for (Line line : order.lines()) {
                total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
            }
            return new Summary(order.lines().size(), total);
        }
    }
}
