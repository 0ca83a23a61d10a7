import { startHandoutPage } from '../components/handout/start-handout';
import '../components/handout/handout.css';
import { webPlatform } from '../lib/platform/web';

// The web app's handout page: own templates come from this origin's localStorage.
void startHandoutPage(webPlatform.store);
