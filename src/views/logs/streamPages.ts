// Which log stream page tokens can go when a stream document closes. Stream documents are read
// one page at a time; page K is read with the forward token page K-1 returned. That token is
// needed while page K-1 is open (its "Next page" link) or page K is (VS Code may ask for its
// text again); once neither is, dropping it only means a reopened page K says to open the
// stream again from the tree.

/** The pages whose tokens are no longer needed after page `closed` closed; `open`: the stream's pages still open. */
export function unneededTokenPages(closed: number, open: Iterable<number>): number[] {
  const still = new Set(open);
  // Closing page P can only release the token that reads P and the one P's link uses (P+1).
  return [closed, closed + 1].filter((k) => k > 1 && !still.has(k - 1) && !still.has(k));
}
