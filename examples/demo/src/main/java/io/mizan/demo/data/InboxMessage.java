package io.mizan.demo.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message sent through the contact form, as stored; one per email address. */
@Entity
@Table(name = "DEMO_INBOX")
public class InboxMessage {

    @Id
    // a sequence (META-INF/schema.sql), not IDENTITY: EclipseLink writes IDENTITY columns in a syntax H2 2 refuses
    @SequenceGenerator(name = "DEMO_INBOX_SEQ", sequenceName = "DEMO_INBOX_SEQ", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "DEMO_INBOX_SEQ")
    @Column(name = "ID")
    private Long id;

    @Column(name = "SENDER", nullable = false, length = 60)
    private String sender;

    @Column(name = "EMAIL", nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "TOPIC", nullable = false, length = 20)
    private String topic;

    @Column(name = "BODY", nullable = false, length = 1000)
    private String body;

    /** The signed-in user who sent it, if any. */
    @Column(name = "SENT_BY", length = 40)
    private String sentBy;

    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

    /** When the sender asked to be called back, if they did: epoch milliseconds. */
    @Column(name = "CALL_BACK")
    private Long callBack;

    protected InboxMessage() {}

    public InboxMessage(
            String sender, String email, String topic, String body, String sentBy, Instant receivedAt, Instant callBack) {
        this.sender = sender;
        this.email = email;
        this.topic = topic;
        this.body = body;
        this.sentBy = sentBy;
        this.receivedAt = receivedAt.toEpochMilli();
        this.callBack = callBack == null ? null : callBack.toEpochMilli();
    }

    public long id() {
        return id;
    }

    public String sender() {
        return sender;
    }

    public String email() {
        return email;
    }

    public String topic() {
        return topic;
    }

    public String body() {
        return body;
    }

    public String sentBy() {
        return sentBy;
    }

    public Instant receivedAt() {
        return Instant.ofEpochMilli(receivedAt);
    }

    public Instant callBack() {
        return callBack == null ? null : Instant.ofEpochMilli(callBack);
    }
}
