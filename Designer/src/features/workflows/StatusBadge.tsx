const tone: Record<string, string> = {
  Published: 'green', Finished: 'green', Draft: 'grey', Retracted: 'amber', Running: 'blue', Suspended: 'amber',
  Faulted: 'red', Cancelled: 'grey',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${tone[status] ?? 'grey'}`} data-testid="status-badge">{status}</span>;
}
