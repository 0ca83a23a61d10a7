import { watchPresenter } from '../../lib/platform/room-page';
import './room-page.css';

// The room page of the extension and of the web app (web/room.html loads this file too). It
// holds no session of its own: the page that presses Present renders into it.
watchPresenter();
