import type { ReactNode } from 'react';
import { navigate } from './router';

export function Link({ to, children, ...rest }: { to: string; children: ReactNode; className?: string; 'data-testid'?: string; 'aria-label'?: string; 'aria-current'?: 'page' | undefined }) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
