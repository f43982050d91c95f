package org.ordo.party;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.party.internal.Customers;
import org.ordo.party.internal.Suppliers;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers and suppliers. E-mail addresses identify customers (case-insensitive). */
@Service
public class PartyManagement {

    private final Customers customers;
    private final Suppliers suppliers;

    PartyManagement(Customers customers, Suppliers suppliers) {
        this.customers = customers;
        this.suppliers = suppliers;
    }

    /** Registers a customer; refuses an e-mail address that is taken (409). */
    @Transactional
    public Customer registerCustomer(CustomerDraft draft) {
        draft.check("");
        if (customers.findByEmail(draft.normalizedEmail()).isPresent()) {
            throw new ConflictException("duplicate-customer", "Duplicate customer",
                    Wording.of("party.a_customer_with_e_mail_exists", draft.normalizedEmail()), Map.of("field",
                            "email"));
        }
        return customers.insert(draft);
    }

    @Transactional
    public Customer changeCustomer(UUID id, CustomerDraft draft) {
        draft.check("");
        customers.findByEmail(draft.normalizedEmail()).filter(c -> !c.id().equals(id)).ifPresent(c -> {
            throw new ConflictException("duplicate-customer", "Duplicate customer",
                    Wording.of("party.another_customer_has_e_mail", draft.normalizedEmail()), Map.of("field", "email"));
        });
        return customers.update(id, draft).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /**
     * Marks a customer as one the shop trusts (or no longer): the replacement of an exchange then ships at once,
     * before the returned goods arrive (docs/returns.md). 404 for an unknown customer.
     */
    @Transactional
    public Customer trustCustomer(UUID id, boolean trusted) {
        if (!customers.trust(id, trusted)) {
            throw new NotFoundException("Customer", id);
        }
        return requireCustomer(id);
    }

    /**
     * The customer with this e-mail, or a new one made from the details (inline customers on orders).
     * Existing customers are not changed by an order's inline details.
     */
    @Transactional
    public Customer resolveCustomer(CustomerDraft draft, String fieldPrefix) {
        draft.check(fieldPrefix);
        return customers.findByEmail(draft.normalizedEmail()).orElseGet(() -> customers.insertIfAbsent(draft));
    }

    /**
     * The customer an order or a quote is for, the one lookup both use: the customer named by {@code id} (404 when
     * there is none), or else the one the inline details describe ({@link #resolveCustomer}, fields under
     * {@code customer.}).
     */
    @Transactional
    public Customer customerFor(UUID id, CustomerDraft inline) {
        return id != null ? requireCustomer(id) : resolveCustomer(inline, "customer.");
    }

    /** The customer with this e-mail address (any case), if there is one. */
    public Optional<Customer> findCustomerByEmail(String email) {
        return email == null || email.isBlank() ? Optional.empty() : customers.findByEmail(email.strip());
    }

    /** The customer with this id; empty for none, and for no id (an order whose customer was not registered). */
    public Optional<Customer> findCustomer(UUID id) {
        return id == null ? Optional.empty() : customers.find(id);
    }

    public Customer requireCustomer(UUID id) {
        return findCustomer(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    public Slice<Customer> listCustomers(String q, String after, int limit) {
        Cursor cursor = after == null ? null : Cursor.decode(after, "after");
        return Slice.of(customers.list(q, cursor, limit + 1), limit,
                last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    @Transactional
    public Supplier registerSupplier(SupplierDraft draft) {
        draft.check();
        if (suppliers.findByCode(draft.code()).isPresent()) {
            throw new ConflictException("duplicate-supplier", "Duplicate supplier",
                    Wording.of("party.a_supplier_with_code_exists", draft.code()), Map.of("field", "code"));
        }
        return suppliers.insert(draft);
    }

    @Transactional
    public Supplier changeSupplier(UUID id, SupplierDraft draft) {
        draft.check();
        suppliers.findByCode(draft.code()).filter(s -> !s.id().equals(id)).ifPresent(s -> {
            throw new ConflictException("duplicate-supplier", "Duplicate supplier",
                    Wording.of("party.another_supplier_has_code", draft.code()), Map.of("field", "code"));
        });
        return suppliers.update(id, draft).orElseThrow(() -> new NotFoundException("Supplier", id));
    }

    public Supplier requireSupplier(UUID id) {
        return suppliers.find(id).orElseThrow(() -> new NotFoundException("Supplier", id));
    }

    /** The supplier with this code, if there is one. */
    public java.util.Optional<Supplier> findSupplier(String code) {
        return code == null ? java.util.Optional.empty() : suppliers.findByCode(code);
    }

    public List<Supplier> listSuppliers() {
        return suppliers.list();
    }
}
