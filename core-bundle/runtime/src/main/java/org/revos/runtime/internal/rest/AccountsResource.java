package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.AccountEntity;

/** {@code /api/v1/accounts} */
@Component(service = AccountsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("accounts")
public final class AccountsResource extends MutableCollectionResource<AccountEntity> {

    @Activate
    public AccountsResource(@Reference ObjectCollections collections) {
        super(Catalog.ACCOUNT, collections);
    }
}
