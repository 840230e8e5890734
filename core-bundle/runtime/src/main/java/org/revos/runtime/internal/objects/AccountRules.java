package org.revos.runtime.internal.objects;

import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.Tx;

/** Accounts have no rules beyond their fields; their ARR is maintained by revenue events. */
final class AccountRules implements ObjectRules<AccountEntity> {

    @Override
    public void defaults(Tx tx, AccountEntity created) {
        created.arrCents = 0;
        created.seats = 0;
    }
}
