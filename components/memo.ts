import { Component, type FunctionComponent, h } from 'preact';

/**
 * Preact's `memo` lives in preact/compat, whose import also rewires events and inputs for the
 * whole app (React compatibility). This is the same idea on Preact's core: re-render only when
 * `equal` says the props changed. Signals read inside still re-render the component.
 */
export function memo<P extends object>(
  render: FunctionComponent<P>,
  equal: (before: P, after: P) => boolean = shallowEqual,
): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !equal(this.props, next);
    }
    override render() {
      return h(render, this.props);
    }
  }
  return (props: P) => h(Memo, props);
}

function shallowEqual<P extends object>(before: P, after: P): boolean {
  const keys = Object.keys(before) as (keyof P)[];
  return (
    keys.length === Object.keys(after).length && keys.every((key) => before[key] === after[key])
  );
}
