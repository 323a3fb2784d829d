package io.mizan.demo.data;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;

/**
 * A user who can sign in. Jakarta Security's database identity store reads the same tables with
 * plain SQL (see {@link io.mizan.demo.DemoApp}), so every name is spelled out here.
 */
@Entity
@Table(name = "DEMO_MEMBER")
public class Member {

    @Id
    @Column(name = "LOGIN", length = 40)
    private String login;

    /** A PBKDF2 hash, never the password. */
    @Column(name = "PASSWORD_HASH", nullable = false, length = 400)
    private String passwordHash;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 40)
    private String displayName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "DEMO_MEMBER_ROLE", joinColumns = @JoinColumn(name = "LOGIN"))
    @Column(name = "ROLE_NAME", length = 20)
    private Set<String> roles = new HashSet<>();

    protected Member() {}

    public Member(String login, String passwordHash, String displayName, Set<String> roles) {
        this.login = login;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = new HashSet<>(roles);
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
