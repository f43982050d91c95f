package org.ordo.returns;

/** Why the customer sends goods back. The seller's faults never cost the customer the return shipping. */
public enum ReturnReason {
    WRONG_SIZE, DAMAGED, NOT_AS_DESCRIBED, CHANGED_MIND, OTHER;

    /** The goods were not as sold: the seller pays the way back. */
    public boolean sellersFault() {
        return this == DAMAGED || this == NOT_AS_DESCRIBED;
    }
}
