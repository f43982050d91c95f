/** Ids that exist in the demo data, so that writes aimed at them reach the code that would change them. */
record Ids(String order, String customer, String supplier) {
}
