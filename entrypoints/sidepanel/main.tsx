import { render } from 'preact';

render(<p>Kring</p>, document.getElementById('app') as HTMLElement);
