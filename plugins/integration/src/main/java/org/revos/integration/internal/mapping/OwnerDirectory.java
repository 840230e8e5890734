package org.revos.integration.internal.mapping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's users as an owner column names them: by id or external id, by e-mail, then by name, ignoring case. A
 * name two users share names nobody: the import reports it rather than guess.
 */
public final class OwnerDirectory {

    /** One user, as far as owners go. */
    public record User(String id, String externalId, String email, String name) {
    }

    /** A user found, and by what ({@code id}, {@code e-mail}, {@code name}). */
    public record Found(String userId, String by) {
    }

    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> byEmail = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    private final Set<String> sharedNames = new HashSet<>();

    public OwnerDirectory(List<User> users) {
        for (User u : users) {
            byId.put(u.id(), u.id());
            if (u.externalId() != null) {
                byId.putIfAbsent(u.externalId(), u.id());
            }
            if (u.email() != null) {
                byEmail.put(ValueMappings.key(u.email()), u.id());
            }
            if (u.name() != null && byName.put(ValueMappings.key(u.name()), u.id()) != null) {
                sharedNames.add(ValueMappings.key(u.name()));
            }
        }
        sharedNames.forEach(byName::remove);
    }

    /** @return the user {@code value} names: by id or external id, else by e-mail, else by a name no one else has */
    public Optional<Found> find(String value) {
        String v = value.trim();
        if (byId.containsKey(v)) {
            return Optional.of(new Found(byId.get(v), "id"));
        }
        String key = ValueMappings.key(v);
        if (byEmail.containsKey(key)) {
            return Optional.of(new Found(byEmail.get(key), "e-mail"));
        }
        return Optional.ofNullable(byName.get(key)).map(id -> new Found(id, "name"));
    }

    /** @return whether several users have the name {@code value}, so it names none of them */
    public boolean isSharedName(String value) {
        return sharedNames.contains(ValueMappings.key(value));
    }
}
