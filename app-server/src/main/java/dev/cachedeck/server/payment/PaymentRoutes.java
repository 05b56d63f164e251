package dev.cachedeck.server.payment;

import dev.cachedeck.model.api.NewPayment;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /api/users/{userId}/payments} (that user or admin) and {@code POST /api/payments}. */
public final class PaymentRoutes implements HttpService {
    private final PaymentService payments;
    private final RequestReader reader;
    private final Authenticator authenticator;

    public PaymentRoutes(PaymentService payments, RequestReader reader, Authenticator authenticator) {
        this.payments = payments;
        this.reader = reader;
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users/{userId}/payments", (req, res) -> {
                    var principal = authenticator.require(req);
                    res.send(payments.paymentsOf(principal, reader.id(req, "userId"), reader.page(req)));
                })
                .post("/payments", (req, res) -> {
                    var principal = authenticator.require(req);
                    var created = payments.create(principal, reader.body(req, NewPayment.class));
                    res.status(Status.CREATED_201).send(created);
                });
    }
}
